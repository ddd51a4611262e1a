/**
 * What `iotedge system status` prints for a failed aziot service (eflow.md section 16: "failed services get their
 * last 10 journal lines"). aziotctl (aziotctl-common system/status.rs) prints, after the service lines and a blank
 * line, for each failed service: `<service> is in a bad state because:`, `<unit>: Down - <reason>: Printing the
 * last 10 log lines.`, the output of `journalctl -u <unit> --no-pager -e -n 10` and a blank line.
 *
 * The journal is made up from the service's state, deterministic for a given `now`: the service starting, failing
 * and systemd giving up after its restart attempts, in journalctl's short format
 * (`Mar 02 09:58:51 <vm> systemd[1]: ...`).
 */
import type { AziotService, VmState } from '../state/host-state';

/** How many journal lines aziotctl prints per failed service. */
export const JOURNAL_TAIL_LINES = 10;

const DESCRIPTIONS: Record<string, string> = {
    'aziot-edged': 'Azure IoT Edge daemon',
    'aziot-identityd': 'Azure IoT Identity Service',
    'aziot-keyd': 'Azure IoT Keys Service',
    'aziot-certd': 'Azure IoT Certificates Service',
    'aziot-tpmd': 'Azure IoT TPM Service'
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** journalctl's short timestamp, `Mar 02 09:58:51` (UTC here). */
function journalStamp(at: Date): string {
    const day = String(at.getUTCDate()).padStart(2, '0');
    return `${MONTHS[at.getUTCMonth()]} ${day} ${at.toISOString().slice(11, 19)}`;
}

/** The reason aziotctl shows after `Down - ` for a failed service. */
export function downReason(service: AziotService): string {
    return service.reason ?? 'failed';
}

/** The last journal lines of a failed service, oldest first (`JOURNAL_TAIL_LINES` of them). */
export function failedServiceJournal(service: AziotService, vm: VmState, now: Date): string[] {
    const unit = `${service.name}.service`;
    const description = DESCRIPTIONS[service.name] ?? service.name;
    const pid = 1000 + [...service.name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 900;
    const events: string[] = [];
    // Two start attempts, each failing, then systemd's start limit.
    for (let attempt = 4; attempt <= 5; attempt++) {
        events.push(
            `systemd[1]: Started ${description}.`,
            `${service.name}[${pid + attempt}]: [ERR!] - ${description} failed to start: ${downReason(service)}`,
            `systemd[1]: ${unit}: Main process exited, code=exited, status=1/FAILURE`,
            `systemd[1]: ${unit}: Failed with result 'exit-code'.`,
            `systemd[1]: ${unit}: Scheduled restart job, restart counter is at ${attempt}.`
        );
    }
    events.push(`systemd[1]: ${unit}: Start request repeated too quickly.`, `systemd[1]: Failed to start ${description}.`);
    const tail = events.slice(-JOURNAL_TAIL_LINES);
    // One line every 3 s, the last a minute before now.
    const lastAt = now.getTime() - 60_000;
    return tail.map((text, index) =>
        `${journalStamp(new Date(lastAt - (tail.length - 1 - index) * 3_000))} ${vm.name} ${text}`);
}

/** aziotctl's report on one failed service: the two heading lines, its journal tail, a blank line. */
export function failedServiceReport(service: AziotService, vm: VmState, now: Date): string[] {
    return [
        `${service.name} is in a bad state because:`,
        `${service.name}.service: Down - ${downReason(service)}: Printing the last ${JOURNAL_TAIL_LINES} log lines.`,
        ...failedServiceJournal(service, vm, now),
        ''
    ];
}
