import fc from 'fast-check';

// `npm test` replays the same generated cases on every machine, so a CI run is reproducible; the
// nightly fuzz (FUZZ_RUNS set) and FC_SEED=random explore new ones. A failure prints its seed.
const seed = process.env.FC_SEED;
if (!process.env.FUZZ_RUNS && seed !== 'random') {
  fc.configureGlobal({ seed: seed ? Number(seed) : 20_261_127 });
}
