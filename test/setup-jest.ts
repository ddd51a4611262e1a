import 'jest-preset-angular/setup-jest';
import '@microsoft/windows-admin-center-sdk/core/polyfills';

type Spy = jest.SpyInstance & { and: { callFake(f: (...a: unknown[]) => unknown): Spy; returnValue(v: unknown): Spy; callThrough(): Spy } };

/** The SDK's test helpers are written for Jasmine; give them the `spyOn(...).and` shape they call. */
(globalThis as unknown as { spyOn: (o: object, m: string) => Spy }).spyOn = (obj: object, method: string): Spy => {
    const spy = jest.spyOn(obj as Record<string, () => unknown>, method as never) as unknown as Spy;
    return Object.assign(spy, {
        and: {
            callFake: (f: (...a: unknown[]) => unknown) => spy.mockImplementation(f as never),
            returnValue: (v: unknown) => spy.mockReturnValue(v as never),
            callThrough: () => spy
        }
    }) as Spy;
};
