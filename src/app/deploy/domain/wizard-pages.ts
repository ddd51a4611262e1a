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

/** Titles as the wizard's step list shows them. */
export const WIZARD_PAGE_TITLES: Readonly<Record<WizardPageId, string>> = {
    prerequisites: 'Prerequisites',
    product: 'Product',
    vmSize: 'VM size',
    network: 'Network',
    gpu: 'GPU',
    features: 'Features and terms',
    provisioning: 'Provisioning',
    review: 'Review',
    deploy: 'Deploy'
};
