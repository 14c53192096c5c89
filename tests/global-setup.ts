import { fastCheckSeed } from './support/fc-seed';

/** Runs once per `vitest run`: fixes the property tests' seed for every worker and says which it is. */
export default function setup({ provide }: { provide: (key: 'fcSeed', value: number) => void }): void {
  const seed = fastCheckSeed();
  provide('fcSeed', seed);
  // Each Vitest project runs this setup: say it once.
  if (process.env.CONSENT_GUARD_SEED_SAID) return;
  process.env.CONSENT_GUARD_SEED_SAID = '1';
  console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed}; FC_SEED=random draws another)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    fcSeed: number;
  }
}
