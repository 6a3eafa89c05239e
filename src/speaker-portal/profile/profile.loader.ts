import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Organiser } from '../../auth/organiser.entity';
import { RequestContext } from '../../auth/request-context';
import { byKey, requestLoader } from '../../common/loaders';
import { Appearance } from '../../sessions/appearance.entity';

/** Batched reads for the fields of proposed changes: the appearance changed, and who proposed or reviewed it. */
@Injectable()
export class ProfileLoader {
  constructor(
    @InjectRepository(Appearance) private readonly appearances: Repository<Appearance>,
    @InjectRepository(Organiser) private readonly organisers: Repository<Organiser>,
  ) {}

  appearance(context: RequestContext, id: number): Promise<Appearance | null> {
    return requestLoader<number, Appearance | null>(context, 'profileChangeAppearance', async (ids) =>
      byKey(ids, await this.appearances.findBy({ id: In([...ids]) }), (appearance) => appearance.id),
    ).load(id);
  }

  organiser(context: RequestContext, id: number): Promise<Organiser | null> {
    return requestLoader<number, Organiser | null>(context, 'profileChangeOrganiser', async (ids) =>
      byKey(ids, await this.organisers.findBy({ id: In([...ids]) }), (organiser) => organiser.id),
    ).load(id);
  }
}
