import { findEflowProduct } from '../../domain/product-catalog';
import type { WizardModel } from '../../domain/wizard-model';
import type { WizardPageId } from '../../domain/wizard-pages';
import type { ExtensionStrings } from '../../../shared/extension-strings';
import { formatText } from '../../../shared/format-text';
import { provisioningTypeLabel } from '../provisioning-page/provisioning-fields';

/** One line of the review's summary, with the page that changes it. */
export interface ReviewLine {
    page: WizardPageId;
    text: string;
}

type ReviewStrings = ExtensionStrings['Deploy']['Review'];
type DeployStrings = ExtensionStrings['Deploy'];

function diskText(model: WizardModel, strings: ReviewStrings): string {
    const disk = model.vmSize.disk;
    return disk.kind === 'osDisk' ? formatText(strings.diskOs, { size: disk.vmDiskSizeGB ?? '' })
        : disk.kind === 'dataPartition' ? formatText(strings.diskData, { size: disk.vmDataSizeGB ?? '' }) : strings.diskDefault;
}

function networkText(model: WizardModel, strings: ReviewStrings): string {
    const network = model.network;
    const virtualSwitch = network.virtualSwitch;
    const switchText = virtualSwitch.kind === 'defaultSwitch' ? strings.defaultSwitch : virtualSwitch.switchName;
    const addressing = network.addressing === 'static'
        ? formatText(strings.staticLine, { address: network.staticIp.ip4Address, prefix: network.staticIp.ip4PrefixLength ?? '',
            gateway: network.staticIp.ip4GatewayAddress })
        : strings.dhcp;
    const line = formatText(strings.networkLine, { switch: switchText, addressing });
    return network.dnsServers.length > 0 ? `${line}; ${formatText(strings.dnsLine, { servers: network.dnsServers.join(', ') })}` : line;
}

/** The summary of every page's choices, in plain words (secrets are never part of it: the model has none). */
export function reviewLines(model: WizardModel, deployStrings: DeployStrings): ReviewLine[] {
    const strings = deployStrings.Review;
    const product = findEflowProduct(model.product.channel, model.product.architecture);
    const source = model.product.source.kind === 'download' ? strings.download : formatText(strings.msiFrom, { path: model.product.source.msiPath });
    const onOff = (flag: boolean): string => flag ? strings.on : strings.off;
    const gpu = model.gpu;
    const provisioning = model.provisioning;
    return [
        { page: 'product', text: formatText(strings.productLine, { product: product.displayName, source }) },
        { page: 'vmSize', text: formatText(strings.vmLine, { cpu: model.vmSize.cpuCount ?? '', memory: model.vmSize.memoryInMB ?? '',
            disk: diskText(model, strings), logs: model.vmSize.vmLogSize }) },
        { page: 'network', text: networkText(model, strings) },
        { page: 'gpu', text: gpu.passthroughType === 'none' ? strings.noGpu
            : formatText(strings.gpuLine, { type: gpu.passthroughType, name: gpu.gpuName, count: gpu.gpuCount ?? 1 }) },
        { page: 'features', text: formatText(strings.featuresLine, { dpsTpm: onOff(model.features.dpsTpm), defender: onOff(model.features.defender),
            telemetry: onOff(model.features.optionalTelemetry) }) },
        { page: 'provisioning', text: provisioning.type === 'skip' ? strings.provisioningSkip
            : provisioningTypeLabel(provisioning.type, deployStrings.Provisioning) }
    ];
}
