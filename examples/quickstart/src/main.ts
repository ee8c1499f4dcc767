/** Placeholder demo until the engine lands: loads and prints the built-in definitions. */
console.log('orderflow quickstart (placeholder)');
