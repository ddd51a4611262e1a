import { GatewayError } from '../../core/gateway/gateway-error';
import { HostOverviewPayload } from '../../core/models/host-overview';

/** What the overview page knows about its host at a moment. */
export interface OverviewState {
    /** The node the page shows; `null` when the tool was opened without a connection. */
    node: string | null;
    /** The last overview read successfully, kept when later refreshes fail. */
    data: HostOverviewPayload | null;
    /** When `data` was read (ms since epoch, browser clock), `null` before the first success. */
    lastUpdated: number | null;
    /** Whether `data` may be out of date: the last refresh failed, or the last success is older than 2 intervals. */
    stale: boolean;
    /** The error of the last refresh, `null` after a success. */
    error: GatewayError | null;
    /** Whether a refresh is running. */
    refreshing: boolean;
    /** When the next automatic refresh starts, `null` while refreshing or with auto-refresh paused. */
    nextRefreshAt: number | null;
    /** Failed refreshes in a row; drives the retry back-off. */
    consecutiveFailures: number;
    /** Whether the page refreshes by itself. */
    autoRefresh: boolean;
}

/** The state before anything happened. */
export const INITIAL_OVERVIEW_STATE: OverviewState = {
    node: null,
    data: null,
    lastUpdated: null,
    stale: false,
    error: null,
    refreshing: false,
    nextRefreshAt: null,
    consecutiveFailures: 0,
    autoRefresh: true
};
