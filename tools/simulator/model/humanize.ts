/**
 * Rough human durations as `iotedge list` prints them (edgelet list.rs uses chrono-humanize, rough accuracy):
 * "Up 5 minutes", "Stopped 2 hours ago", "Failed (137) a minute ago".
 */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../runtime/clock';

/** `ms` as "N seconds" / "a minute" / "N minutes" / "an hour" / "N hours" / "a day" / "N days". */
export function roughDuration(ms: number): string {
    const safe = Math.max(0, ms);
    if (safe < MINUTE_MS) {
        const seconds = Math.floor(safe / 1000);
        return seconds <= 1 ? 'a second' : `${seconds} seconds`;
    }
    if (safe < HOUR_MS) {
        const minutes = Math.floor(safe / MINUTE_MS);
        return minutes === 1 ? 'a minute' : `${minutes} minutes`;
    }
    if (safe < DAY_MS) {
        const hours = Math.floor(safe / HOUR_MS);
        return hours === 1 ? 'an hour' : `${hours} hours`;
    }
    const days = Math.floor(safe / DAY_MS);
    return days === 1 ? 'a day' : `${days} days`;
}
