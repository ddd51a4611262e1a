/**
 * The deployment wizard's route, and the query parameter by which a caller asks for a page (the dashboard's
 * "Provision" opens `deploy?page=provisioning`). Its own file so that the app routes and the dashboard share it
 * without importing the wizard's module.
 */
export const DEPLOY_ROUTE = 'deploy';

/** The query parameter naming the page to open. */
export const PAGE_QUERY_PARAMETER = 'page';
