import { Subject } from 'rxjs';
import type { EflowDeployService } from '../../core/gateway/eflow-deploy.service';
import { GatewayError } from '../../core/gateway/gateway-error';
import { initSdkModule, loadSdkStrings } from '../../testing/sdk-test-environment';
import type { DeployRunStatus } from '../domain/deploy-run';
import { HostChangeNotifier, type HostNotification, type NotificationSink } from './host-change-notifier';
import { HyperVEnablingRegistry } from './hyper-v-enabling.registry';

/** What a notification went through in the shell: its node and each state it was shown in. */
interface Posted {
    node: string;
    shown: string[];
}

/** A sink that records, as the shell's notification center would show them. */
class RecordingSink implements NotificationSink {
    readonly posted: Posted[] = [];

    create(nodeName: string): HostNotification {
        const entry: Posted = { node: nodeName, shown: [] };
        this.posted.push(entry);
        const show = (state: string) => (title: string, message: string): void => {
            entry.shown.push(`${state}: ${title} | ${message}`);
        };
        return { showInProgress: show('progress'), showSuccess: show('success'), showWarning: show('warning'), showError: show('error') };
    }
}

describe('HostChangeNotifier', () => {
    beforeAll(() => {
        loadSdkStrings();
        initSdkModule();
    });

    it('posts one notification per deploy run: in progress, then its success', () => {
        const sink = new RecordingSink();
        const status = new Subject<DeployRunStatus | null>();
        new HostChangeNotifier(sink).followDeployRun('edge-01', status);
        status.next(null);
        status.next('running');
        status.next('running');
        status.next('succeeded');
        expect(sink.posted).toEqual([{ node: 'edge-01', shown: [
            'progress: Deploying EFLOW | Deploying Azure IoT Edge for Linux on Windows on edge-01.',
            'success: EFLOW deployed | Azure IoT Edge for Linux on Windows is deployed on edge-01.'
        ] }]);
    });

    it('moves a failed run\'s notification to an error that names the host only, and a retry gets a new one', () => {
        const sink = new RecordingSink();
        const status = new Subject<DeployRunStatus | null>();
        new HostChangeNotifier(sink).followDeployRun('edge-01', status);
        status.next('running');
        status.next('failed');
        status.next('running');
        status.next('cancelled');
        expect(sink.posted.map(p => p.shown.map(line => line.split(':')[0]))).toEqual([['progress', 'error'], ['progress', 'warning']]);
        expect(sink.posted[0].shown[1]).toBe('error: EFLOW deployment failed | The deployment on edge-01 stopped with an error. '
            + 'Open the deployment wizard on edge-01 to see why and what to do next.');
    });

    it('posts nothing for an outcome it saw no start of (a run blocked before it sent anything)', () => {
        const sink = new RecordingSink();
        const status = new Subject<DeployRunStatus | null>();
        new HostChangeNotifier(sink).followDeployRun('edge-01', status);
        status.next('failed');
        expect(sink.posted).toEqual([]);
    });
});

describe('HyperVEnablingRegistry notifications', () => {
    beforeAll(() => {
        loadSdkStrings();
        initSdkModule();
    });

    function registryWith(sink: NotificationSink): { registry: HyperVEnablingRegistry; call: Subject<unknown> } {
        const call = new Subject<unknown>();
        const deploy = { enableHyperV: () => call.asObservable() } as unknown as EflowDeployService;
        return { registry: new HyperVEnablingRegistry(deploy, sink), call };
    }

    it('posts enabling in progress, then enabled with the restart it started', () => {
        const sink = new RecordingSink();
        const { registry, call } = registryWith(sink);
        registry.enable('hyperv-disabled', true);
        call.next({ type: 'result', result: { status: 'enabled', rebootRequired: true, restarting: true } });
        call.complete();
        expect(sink.posted).toEqual([{ node: 'hyperv-disabled', shown: [
            'progress: Enabling Hyper-V | Enabling Hyper-V on hyperv-disabled.',
            'success: Hyper-V enabled | Hyper-V is enabled on hyperv-disabled; the host is restarting to finish.'
        ] }]);
        registry.ngOnDestroy();
    });

    it('posts the failure with the gateway\'s message', () => {
        const sink = new RecordingSink();
        const { registry, call } = registryWith(sink);
        registry.enable('hyperv-disabled', false);
        call.error(new GatewayError('script-error', 'DISM failed with 0x800f0922.', { code: 'HyperVEnableFailed' }));
        expect(sink.posted[0].shown[1]).toBe('error: Could not enable Hyper-V | Enabling Hyper-V on hyperv-disabled failed: DISM failed with 0x800f0922.');
        registry.ngOnDestroy();
    });
});
