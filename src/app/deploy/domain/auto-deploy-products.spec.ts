import { rendered } from '../testing/rendered-text';
import { autoDeployProductFor, importAutoDeployProduct } from './auto-deploy-products';

describe('autoDeployProductFor', () => {
    it('writes CR under its own name and 1.5 LTS as the listed LTS name plus the 1.5 link', () => {
        expect(autoDeployProductFor('CR', 'ARM64')).toEqual({ eflowProduct: 'Azure IoT Edge CR ARM64', eflowProductUrl: '' });
        expect(autoDeployProductFor('LTS', 'x64')).toEqual({
            eflowProduct: 'Azure IoT Edge 1.4 LTS X64', eflowProductUrl: 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64'
        });
    });
});

describe('importAutoDeployProduct', () => {
    it('reads the 1.4 LTS name with the 1.5 link as 1.5 LTS without a warning', () => {
        expect(importAutoDeployProduct('Azure IoT Edge 1.4 LTS ARM64', 'https://aka.ms/AzEFLOWMSI_1_5_LTS_ARM64'))
            .toEqual({ ok: true, channel: 'LTS', architecture: 'ARM64', warnings: [] });
    });

    it('moves a plain 1.4 LTS file to 1.5 LTS and says so', () => {
        const result = importAutoDeployProduct('Azure IoT Edge 1.4 LTS X64', '');
        expect(rendered(result)).toEqual({ ok: true, channel: 'LTS', architecture: 'x64', warnings: [expect.stringContaining('out of service')] });
    });

    it('ignores a custom download link with a warning', () => {
        const result = importAutoDeployProduct('Azure IoT Edge CR X64', 'https://aka.ms/AzEFLOW-X64-1_2_10_09062');
        expect(rendered(result.ok && result.warnings)).toEqual([expect.stringContaining('is ignored')]);
    });

    it('moves the template\'s "Azure IoT Edge LTS" (1.1 LTS, x64 only) to 1.5 LTS x64 and says so, as for 1.4 LTS', () => {
        expect(rendered(importAutoDeployProduct('Azure IoT Edge LTS', ''))).toEqual({ ok: true, channel: 'LTS', architecture: 'x64',
            warnings: ['EFLOW 1.1 LTS ("Azure IoT Edge LTS") is out of service since December 2022; the wizard installs 1.5 LTS instead.'] });
        const versioned = importAutoDeployProduct('Azure IoT Edge LTS', 'https://aka.ms/AzEFLOW-1_1_2203_14042');
        expect(rendered(versioned.ok && versioned.warnings)).toEqual([expect.stringContaining('1.1 LTS'), expect.stringContaining('is ignored')]);
    });

    it('reads names ignoring case, as eflowAutoDeploy\'s hashtable lookup does', () => {
        expect(importAutoDeployProduct('azure iot edge cr arm64', '')).toEqual({ ok: true, channel: 'CR', architecture: 'ARM64', warnings: [] });
        expect(importAutoDeployProduct('AZURE IOT EDGE LTS', '')).toEqual(expect.objectContaining({ ok: true, channel: 'LTS', architecture: 'x64' }));
    });

    it('refuses unknown names', () => {
        expect(rendered(importAutoDeployProduct('Azure IoT Edge 1.6 LTS X64', ''))).toEqual({ ok: false, error: expect.stringContaining('not an EFLOW product') });
    });
});
