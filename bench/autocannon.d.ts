// autocannon ships no types; the benchmark uses its programmatic API only (see load.ts).
declare module 'autocannon';
