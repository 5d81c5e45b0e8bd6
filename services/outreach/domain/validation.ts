export { parseOrThrow } from '@carelink/contracts';
