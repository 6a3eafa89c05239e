import { Programme1700000000000 } from './1700000000000-programme';

/** Every migration, oldest first. Listed here (not globbed) so ts-jest and the build load the same ones. */
export const migrations = [Programme1700000000000];
