/**
 * The one error type of the plugin: a message that says what is wrong and what
 * to do, prefixed with "seloste:" so that it stands out in Eleventy's output.
 *
 *   throw new SelosteError('the bundle has no notice for register "x" in "fi"');
 */
export class SelosteError extends Error {
  constructor(message, options) {
    super(`seloste: ${message}`, options);
    this.name = "SelosteError";
  }
}
