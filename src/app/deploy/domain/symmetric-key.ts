/**
 * Checks a symmetric key (DPS enrollment key, derived device key, IoT Hub SharedAccessKey): canonical base64 whose
 * decoded length is 16..64 bytes, the range IoT Hub and DPS accept for symmetric keys. Messages never quote the key.
 */
import { messageOf, type MessageText } from './message-text';
import { BASE64_PATTERN } from './script-patterns';

export const MIN_SYMMETRIC_KEY_BYTES = 16;
export const MAX_SYMMETRIC_KEY_BYTES = 64;

/** The number of bytes a canonical base64 text decodes to. */
export function base64DecodedLength(text: string): number {
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    return (text.length / 4) * 3 - padding;
}

/** Why a symmetric key is not acceptable (a message without the key), or null when it is. */
export function symmetricKeyProblem(key: string): MessageText | null {
    if (key.length === 0) {
        return messageOf('symmKeyRequired');
    }
    if (!BASE64_PATTERN.test(key)) {
        return messageOf('symmKeyNotBase64');
    }
    const bytes = base64DecodedLength(key);
    if (bytes < MIN_SYMMETRIC_KEY_BYTES || bytes > MAX_SYMMETRIC_KEY_BYTES) {
        return messageOf('symmKeyLength', { bytes, min: MIN_SYMMETRIC_KEY_BYTES, max: MAX_SYMMETRIC_KEY_BYTES });
    }
    return null;
}
