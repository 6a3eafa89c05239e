import { Injectable } from '@nestjs/common';
import { Viewer } from '../../auth/viewer';
import { Conference } from '../../conferences/conference.entity';
import { PageContext } from '../../site/site-context';
import { profilePage, ProfilePageData, ProfilePageForms } from '../pages/profile-page';
import { ProfileChangeStatus } from './profile-change.entity';
import { profileFormOf } from './profile-forms';
import { ProfileService } from './profile.service';

/** The speaker's profile page, from what ProfileService answers the signed-in speaker (their own things only). */
@Injectable()
export class ProfilePages {
  constructor(private readonly profiles: ProfileService) {}

  async data(viewer: Viewer): Promise<ProfilePageData> {
    const speaker = (await this.profiles.ownSpeaker(viewer))!;
    const [appearances, changes, unavailability] = [
      await this.profiles.ownAppearances(viewer),
      await this.profiles.ownChanges(viewer),
      await this.profiles.ownUnavailability(viewer),
    ];
    const conferences = appearances.map((appearance) => appearance.session!.conference!);
    const owner =
      conferences.find((conference) => conference.id === speaker.ownerConferenceId) ??
      (speaker.ownerConferenceId === null ? null : await this.profiles.conference(speaker.ownerConferenceId));
    return {
      speaker,
      appearances,
      changes: changes.map((change) => ({ change, fields: this.profiles.fieldsOf(change) })),
      unavailability,
      zone: owner?.timeZone ?? conferences[0]?.timeZone ?? 'UTC',
      zones: [...new Set([owner, ...conferences].filter((c): c is Conference => !!c).map((c) => c.timeZone))],
    };
  }

  /** The page with its forms as given; the profile form shows the profile with any pending change over it unless given. */
  async render(context: PageContext, csrf: string, viewer: Viewer, forms: Partial<ProfilePageForms> = {}): Promise<string> {
    const data = await this.data(viewer);
    const pending = data.changes.find(({ change }) => change.appearanceId === null && change.status === ProfileChangeStatus.PENDING);
    return profilePage(context, csrf, data, { profile: profileFormOf(data.speaker, pending?.change), ...forms });
  }

  /** The zone a period typed on the page is read in by default. */
  async defaultZone(viewer: Viewer): Promise<string> {
    return (await this.data(viewer)).zone;
  }
}
