import { channelOfInstalledProduct, findEflowProduct, listEflowProducts } from './product-catalog';

describe('product catalog', () => {
    it('has the documented aka.ms link for every channel and architecture', () => {
        expect(listEflowProducts().map(p => [p.channel, p.architecture, p.downloadUrl])).toEqual([
            ['LTS', 'x64', 'https://aka.ms/AzEFLOWMSI_1_5_LTS_X64'],
            ['LTS', 'ARM64', 'https://aka.ms/AzEFLOWMSI_1_5_LTS_ARM64'],
            ['CR', 'x64', 'https://aka.ms/AzEFLOWMSI-CR-X64'],
            ['CR', 'ARM64', 'https://aka.ms/AzEFLOWMSI-CR-ARM64']
        ]);
        expect(findEflowProduct('CR', 'ARM64').displayName).toBe('Azure IoT Edge CR (ARM64)');
    });

    it('recognises installed products by their ARP name only', () => {
        expect(channelOfInstalledProduct('Azure IoT Edge LTS')).toBe('LTS');
        expect(channelOfInstalledProduct('Azure IoT Edge')).toBe('CR');
        expect(channelOfInstalledProduct('Azure IoT Edge Runtime')).toBeNull();
    });
});
