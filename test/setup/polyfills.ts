import '../../local/engine/polyfills.js';
