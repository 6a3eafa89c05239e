import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { applyChanges, stamped } from '../common/entities';
import { conflict, notFound } from '../common/errors';
import { searchable, toLocalisedText } from '../common/localisation';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { Speaker } from './speaker.entity';
import { CreateSpeakerInput, UpdateSpeakerInput } from './speaker.inputs';

const NAME_MAX = 200;
const BIO_MAX = 20000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The person, independent of any programme; who may see a speaker is decided by the programme. */
@Injectable()
export class SpeakerService {
  constructor(
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly transactions: Transactions,
  ) {}

  repository(): Repository<Speaker> {
    return this.speakers;
  }

  byIds(ids: readonly number[]): Promise<Speaker[]> {
    return this.speakers.findBy({ id: In([...ids]) });
  }

  async require(manager: EntityManager, id: number, field = 'id'): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id });
    if (!speaker) throw notFound('speaker', field, id);
    return speaker;
  }

  async requireBySlug(manager: EntityManager, slug: string, field = 'speaker'): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { slug });
    if (!speaker) throw notFound('speaker', field, slug);
    return speaker;
  }

  create(input: CreateSpeakerInput, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = manager.create(Speaker, { otherNames: [], bio: {}, links: [], photoUrl: null, email: null });
      this.apply(speaker, input);
      return this.save(manager, speaker);
    }, within);
  }

  update(id: number, input: UpdateSpeakerInput, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      this.apply(speaker, input);
      return this.save(manager, speaker);
    }, within);
  }

  remove(id: number): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      await manager.delete(Speaker, { id });
      return Object.assign(speaker, { id });
    });
  }

  private apply(speaker: Speaker, input: UpdateSpeakerInput): void {
    const v = new Validation();
    const { bio, otherNames, links, ...plain } = input;
    if (speaker.id === undefined) v.required(input.slug, 'slug').required(input.name, 'name');
    else v.check(input.slug !== null, 'slug', 'cannot be cleared').check(input.name !== null, 'name', 'cannot be cleared');
    v.slug(input.slug ?? undefined).maxLength(input.name, NAME_MAX, 'name').url(input.photoUrl, 'photoUrl');
    otherNames?.forEach((name, i) => v.required(name, `otherNames[${i}]`).maxLength(name, NAME_MAX, `otherNames[${i}]`));
    links?.forEach((link, i) => v.required(link.label, `links[${i}].label`).url(link.url, `links[${i}].url`));
    if (input.email != null) v.check(EMAIL.test(input.email), 'email', 'is not an e-mail address');
    const text = toLocalisedText(bio, 'bio', v, BIO_MAX);
    v.throwIfFailed();

    applyChanges(speaker, plain);
    if (otherNames) speaker.otherNames = otherNames.map((name) => name.trim());
    if (links) speaker.links = links.map(({ label, url }) => ({ label, url }));
    if (text) speaker.bio = text;
    speaker.searchText = searchable(speaker.name, speaker.otherNames.join(' '));
  }

  private async save(manager: EntityManager, speaker: Speaker): Promise<Speaker> {
    const clash = await manager.findOneBy(Speaker, { slug: speaker.slug });
    if (clash && clash.id !== speaker.id) throw conflict('slug', `another speaker already has the slug "${speaker.slug}"`);
    return manager.save(stamped(speaker));
  }
}
