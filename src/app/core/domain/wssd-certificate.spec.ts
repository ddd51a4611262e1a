import { assessWssdCertificate, wssdCertificateStatus } from './wssd-certificate';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

describe('wssdCertificateStatus', () => {
    const installed = '2025-11-22';
    const expires = Date.parse('2026-11-22T00:00:00Z');

    it('expires one calendar year after the install date, also across a 29 February', () => {
        expect(wssdCertificateStatus('2027-03-01', Date.parse('2028-02-29T12:00:00Z'))?.state).toBe('expiring');
        expect(wssdCertificateStatus('2027-03-01', Date.parse('2028-02-29T12:00:00Z'))?.expiresOn).toBe('2028-03-01T00:00:00.000Z');
    });

    it('expires 365 days after the install date in a year without 29 February', () => {
        expect(wssdCertificateStatus(installed, expires - 100 * DAY)).toEqual(
            { expiresOn: '2026-11-22T00:00:00.000Z', daysLeft: 100, state: 'valid' });
    });

    it('is valid until 30 days before expiry, expiring within them', () => {
        expect(wssdCertificateStatus(installed, expires - 30 * DAY - 1)?.state).toBe('valid');
        expect(wssdCertificateStatus(installed, expires - 30 * DAY)?.state).toBe('expiring');
        expect(wssdCertificateStatus(installed, expires - 1)?.state).toBe('expiring');
    });

    it('is expired from the expiry instant on', () => {
        expect(wssdCertificateStatus(installed, expires)?.state).toBe('expired');
        expect(wssdCertificateStatus(installed, expires + 2 * DAY)).toEqual(
            { expiresOn: '2026-11-22T00:00:00.000Z', daysLeft: -2, state: 'expired' });
    });

    it('gives no estimate without a readable install date', () => {
        expect(wssdCertificateStatus(null, expires)).toBeNull();
        expect(wssdCertificateStatus('not a date', expires)).toBeNull();
    });
});

describe('assessWssdCertificate', () => {
    const expires = Date.parse('2026-11-22T00:00:00Z');
    const symptom = 'rpc error: transport: authentication handshake failed: x509: certificate has expired or is not yet valid';

    it('is the estimate while nothing contradicts it', () => {
        expect(assessWssdCertificate('2025-11-22', expires - DAY, { failureMessages: [], vmAnswered: true })?.state).toBe('expiring');
        expect(assessWssdCertificate('2025-11-22', expires, { failureMessages: ['timed out'], vmAnswered: false })?.state).toBe('expired');
    });

    it('calls an estimate past expiry unconfirmed when Get-EflowVm still answered', () => {
        expect(assessWssdCertificate('2025-11-22', expires, { failureMessages: [], vmAnswered: true })).toEqual(
            { expiresOn: '2026-11-22T00:00:00.000Z', daysLeft: 0, state: 'renewalUnconfirmed' });
    });

    it('is expired when a cmdlet failed with the symptom, even with a young estimate or no install date', () => {
        expect(assessWssdCertificate('2026-10-01', expires, { failureMessages: [symptom], vmAnswered: false })?.state).toBe('expired');
        expect(assessWssdCertificate(null, expires, { failureMessages: [symptom], vmAnswered: false })).toEqual({ expiresOn: '', daysLeft: 0, state: 'expired' });
    });
});
