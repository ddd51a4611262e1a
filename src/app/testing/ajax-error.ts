import { AjaxError, AjaxRequest } from 'rxjs/ajax';

/**
 * A real rxjs `AjaxError`, as the SDK's HTTP layer throws it, for a fake XMLHttpRequest that ended with `status` and
 * `body`. Status 0 is what the browser reports when the gateway did not answer at all.
 */
export function ajaxError(status: number, body: unknown = null, statusText = ''): AjaxError {
    const xhr = {
        status,
        statusText,
        responseType: typeof body === 'string' ? 'text' : 'json',
        response: body,
        getResponseHeader: (): string | null => null
    };
    return new AjaxError(`ajax error ${status}`, xhr as unknown as XMLHttpRequest, {} as AjaxRequest);
}
