/**
 * Imported first by the local entry points (`jml`, `npm start`, `npm run demo`, benchmarks that host the runtime): Powertools reads its settings
 * when the handler modules load, which importing the runtime does, so the quiet local defaults
 * (no JSON logs or EMF metrics on stdout unless asked for) must be in place before that.
 */
import { applyLocalProcessDefaults } from './handler-environment.js';

applyLocalProcessDefaults();
