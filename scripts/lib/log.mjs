/** One prefix per process, so interleaved output from the stack stays readable. */
export function logger(name) {
  const tag = `[${name}]`;
  return {
    info: (...args) => console.log(tag, ...args),
    warn: (...args) => console.warn(tag, ...args),
    error: (...args) => console.error(tag, ...args),
  };
}
