// Script tests start a PowerShell host and run real scripts; a cold host takes a few seconds to answer the first.
jest.setTimeout(60_000);
