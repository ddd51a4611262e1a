/**
 * Rules of wizard page 5 (GPU passthrough, eflow.md section 10).
 *
 * DDA model support is a warning, not an error: the only source is a troubleshooting page ("DDA is only supported
 * for NVIDIA Tesla T4 and NVIDIA A2", error "Unsupported DDA Type: $gpuName"), the list can grow with EFLOW
 * releases, and Deploy-Eflow itself refuses an unsupported model before it creates anything. Blocking here could
 * block a GPU a newer release supports; warning tells the admin what to expect.
 */
import type { HostGpu } from './deployment-prerequisites';
import { messageOf, type TextParam } from './message-text';
import { validationError, validationWarning, type ValidationMessage } from './validation-message';
import type { GpuChoice } from './wizard-model';

/** NVIDIA Tesla T4 and NVIDIA A2, however the driver spells the name. */
const DDA_DOCUMENTED_MODELS = /\bNVIDIA\b.*\b(?:T4|A2)\b/i;

/** Whether a GPU name is one of the models documented for Direct Device Assignment. */
export function isDocumentedDdaModel(gpuName: string): boolean {
    return DDA_DOCUMENTED_MODELS.test(gpuName);
}

/** Every rule of page 5. `hostGpus` null: the host's list is not known (no host check). */
export function validateGpu(gpu: GpuChoice, hostGpus: readonly HostGpu[] | null): ValidationMessage[] {
    if (gpu.passthroughType === 'none') {
        return [];
    }
    if (gpu.gpuName.length === 0) {
        return [validationError('gpu.gpuName', 'gpuNameRequired')];
    }
    const hostGpu = hostGpus?.find(g => g.name === gpu.gpuName) ?? null;
    if (hostGpus !== null && hostGpu === null) {
        return [validationError('gpu.gpuName', 'gpuNotFound', { name: gpu.gpuName })];
    }
    const messages: ValidationMessage[] = [];
    const supported = hostGpu?.supportedPassthroughTypes ?? null;
    if (supported !== null && !supported.includes(gpu.passthroughType)) {
        messages.push(validationError('gpu.passthroughType', 'gpuTypeUnsupported',
            { name: gpu.gpuName, supported: supportedText(supported), type: gpu.passthroughType }));
    }
    if (gpu.passthroughType === 'ParaVirtualization') {
        if (gpu.gpuCount !== null && gpu.gpuCount !== 1) {
            messages.push(validationError('gpu.gpuCount', 'gpuPvCountNotOne'));
        }
        return messages;
    }
    messages.push(...validateDdaCount(gpu.gpuCount, hostGpu?.count ?? null));
    if (!isDocumentedDdaModel(gpu.gpuName)) {
        messages.push(validationWarning('gpu.gpuName', 'ddaModelNotDocumented', { name: gpu.gpuName }));
    }
    return messages;
}

/** The passthrough types a GPU supports, as one phrase ("DDA and ParaVirtualization", "no passthrough"). */
function supportedText(supported: readonly string[]): TextParam {
    if (supported.length === 0) {
        return messageOf('gpuNoPassthrough');
    }
    return supported.slice(1).reduce<TextParam>((list, type) => messageOf('listAnd', { list, last: type }), supported[0]);
}

/**
 * DDA's -gpuCount: required, 1..the number of GPUs of that model on the host (eflow.md section 3). New-EflowVirtualMachine
 * refuses DDA without it too ([GpuCountRequired]); paravirtualization shares one GPU and needs no count.
 */
function validateDdaCount(count: number | null, available: number | null): ValidationMessage[] {
    if (count === null) {
        return [validationError('gpu.gpuCount', 'gpuCountRequired')];
    }
    if (!Number.isInteger(count) || count < 1) {
        return [validationError('gpu.gpuCount', 'gpuCountTooLow')];
    }
    if (available !== null && count > available) {
        return [validationError('gpu.gpuCount', 'gpuCountTooHigh',
            messageOf(available === 1 ? 'gpuCountTooHighOne' : 'gpuCountTooHigh', { max: available }))];
    }
    return [];
}
