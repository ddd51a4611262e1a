import type { EflowInstallation, SectionError } from '../models/host-overview';

/**
 * The WSSDAgent certificate: the host engine's TLS certificate expires one year after EFLOW is installed and EFLOW
 * updates do not renew it (eflow.md section 13; symptom "x509: certificate has expired", fix `updateWssdCert.ps1`).
 * The only date the host reports is the MSI's install date, so expiry is estimated as that date one calendar year
 * later. The estimate cannot see a renewal (updateWssdCert.ps1), and an update may move the install date: the alerts
 * weigh it against what the host's cmdlets actually did (assessWssdCertificate).
 */

/** The certificate's symptom in a cmdlet's error (eflow.md section 13). */
export const WSSD_CERTIFICATE_EXPIRED_SYMPTOM = 'x509: certificate has expired';
/** Days before expiry at which the dashboard starts warning. */
export const WSSD_CERTIFICATE_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The certificate's estimated state. */
export interface WssdCertificateStatus {
    /** Estimated expiry, ISO 8601 (UTC midnight). */
    expiresOn: string;
    /** Whole days until expiry; 0 on the day it expires, negative after. */
    daysLeft: number;
    /**
     * `expired` from the expiry instant on; `expiring` within the warning window; `valid` before. After weighing
     * (assessWssdCertificate) also `renewalUnconfirmed`: past the estimate, yet the cmdlets still work.
     */
    state: 'valid' | 'expiring' | 'expired' | 'renewalUnconfirmed';
}

/** What the host's reads said that bears on the certificate. */
export interface WssdCertificateEvidence {
    /** The messages of the reads that failed. */
    failureMessages: readonly string[];
    /** Whether Get-EflowVm (which needs the certificate) answered. */
    vmAnswered: boolean;
}

/**
 * Estimates the certificate state from the install date (yyyy-MM-dd) at time `nowMs`; `null` when the install date
 * is unknown or unreadable (no estimate is better than a wrong one).
 */
export function wssdCertificateStatus(installDate: string | null, nowMs: number): WssdCertificateStatus | null {
    if (!installDate) {
        return null;
    }
    const installedMs = Date.parse(`${installDate}T00:00:00Z`);
    if (Number.isNaN(installedMs)) {
        return null;
    }
    const expiry = new Date(installedMs);
    expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
    const expiresMs = expiry.getTime();
    const remainingMs = expiresMs - nowMs;
    let state: WssdCertificateStatus['state'] = 'valid';
    if (remainingMs <= 0) {
        state = 'expired';
    } else if (remainingMs <= WSSD_CERTIFICATE_WARNING_DAYS * DAY_MS) {
        state = 'expiring';
    }
    return { expiresOn: new Date(expiresMs).toISOString(), daysLeft: Math.floor(remainingMs / DAY_MS), state };
}

/**
 * The estimate weighed against what the cmdlets did: a failure with the expiry symptom settles it (expired, with no
 * date when the estimate has none); an estimate past expiry while Get-EflowVm still answered means a renewal or a
 * moved install date, which the admin should confirm (`renewalUnconfirmed`), not an outage.
 */
export function assessWssdCertificate(installDate: string | null, nowMs: number, evidence: WssdCertificateEvidence): WssdCertificateStatus | null {
    const estimate = wssdCertificateStatus(installDate, nowMs);
    if (evidence.failureMessages.some(message => message.includes(WSSD_CERTIFICATE_EXPIRED_SYMPTOM))) {
        return { expiresOn: estimate?.expiresOn ?? '', daysLeft: estimate?.daysLeft ?? 0, state: 'expired' };
    }
    if (estimate?.state === 'expired' && evidence.vmAnswered) {
        return { ...estimate, state: 'renewalUnconfirmed' };
    }
    return estimate;
}

/** What an overview's reads say about the certificate: the failures' messages, and whether Get-EflowVm answered. */
export function wssdCertificateEvidence(eflow: EflowInstallation, errors: readonly SectionError[]): WssdCertificateEvidence {
    return {
        failureMessages: errors.map(error => error.message),
        vmAnswered: eflow.vm !== null && !errors.some(error => error.code === 'EflowVmUnavailable')
    };
}
