/**
 * The wizard's pages in order. Page ids are shared by validation, resume detection and the UI.
 */

export type WizardPageId =
    | 'prerequisites'
    | 'product'
    | 'vmSize'
    | 'network'
    | 'gpu'
    | 'features'
    | 'provisioning'
    | 'review'
    | 'deploy';

export const WIZARD_PAGES: readonly WizardPageId[] =
    ['prerequisites', 'product', 'vmSize', 'network', 'gpu', 'features', 'provisioning', 'review', 'deploy'];

