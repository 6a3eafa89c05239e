import { Programme1700000000000 } from './1700000000000-programme';
import { Agendas1700000000001 } from './1700000000001-agendas';
import { Organisers1700000000002 } from './1700000000002-organisers';

/** Every migration, oldest first. Listed here (not globbed) so ts-jest and the build load the same ones. */
export const migrations = [Programme1700000000000, Agendas1700000000001, Organisers1700000000002];
