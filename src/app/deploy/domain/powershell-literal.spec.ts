import { powerShellLiteral, quotePowerShellString } from './powershell-literal';

describe('quotePowerShellString', () => {
    it('single-quotes so that $, $(), backticks and semicolons stay text', () => {
        expect(quotePowerShellString('a$b $(Get-Date) `n; x')).toBe("'a$b $(Get-Date) `n; x'");
    });

    it('doubles ASCII and typographic single quotes, which PowerShell all treats as quotes', () => {
        expect(quotePowerShellString("O'Brien")).toBe("'O''Brien'");
        expect(quotePowerShellString('O\u2019Brien \u2018x\u201A\u201B')).toBe("'O\u2019\u2019Brien \u2018\u2018x\u201A\u201A\u201B\u201B'");
    });

    it('keeps line breaks and non-ASCII text inside the literal', () => {
        expect(quotePowerShellString('a\nb ü')).toBe("'a\nb ü'");
    });
});

describe('powerShellLiteral', () => {
    it('writes numbers, booleans and string arrays', () => {
        expect(powerShellLiteral(4096)).toBe('4096');
        expect(powerShellLiteral(true)).toBe('$true');
        expect(powerShellLiteral(false)).toBe('$false');
        expect(powerShellLiteral(['10.0.0.1', "x'y"])).toBe("@('10.0.0.1', 'x''y')");
        expect(powerShellLiteral([])).toBe('@()');
    });

    it('refuses numbers PowerShell cannot write literally', () => {
        expect(() => powerShellLiteral(Number.NaN)).toThrow('NaN has no PowerShell literal.');
    });
});
