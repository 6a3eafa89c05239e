import { Args, Field, Int, ObjectType, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerPhotos } from './speaker-photos.service';

export enum ImageFormat {
  JPEG = 'jpeg',
  WEBP = 'webp',
}
registerEnumType(ImageFormat, {
  name: 'ImageFormat',
  description: 'How an image is encoded.',
  valuesMap: { JPEG: { description: 'JPEG: read by everything.' }, WEBP: { description: 'WebP: smaller, read by every current browser.' } },
});

@ObjectType({ description: "One size of a speaker's photo. Its alternative text is the speaker's `photoAlt`." })
export class SpeakerPhotoSize {
  @Field({ description: 'An http(s) URL of the image.' })
  url: string;

  @Field(() => Int, { nullable: true, description: 'Its width in pixels, when known.' })
  width: number | null;

  @Field(() => Int, { nullable: true, description: 'Its height in pixels, when known.' })
  height: number | null;
}

@Resolver(() => Speaker)
export class SpeakerPhotoResolver {
  constructor(private readonly photos: SpeakerPhotos) {}

  @ResolveField(() => SpeakerPhotoSize, {
    nullable: true,
    description:
      'The photo in the size a page needs: for a photo uploaded to Lectern, the smallest of its square sizes (96, 160, 192, 320, 512 px, up to what the upload allowed) at least `width` wide, else its largest; a photo kept elsewhere comes as it is. Null without a photo.',
  })
  photo(
    @Parent() speaker: Speaker,
    @Args('width', {
      type: () => Int,
      nullable: true,
      description: "The width to show it at, in device pixels (CSS pixels × pixel ratio); default: `photoUrl`'s size.",
    })
    width?: number | null,
    @Args('format', {
      type: () => ImageFormat,
      nullable: true,
      description: 'JPEG (default) or WEBP; a photo kept elsewhere is in its own.',
    })
    format?: ImageFormat | null,
  ): SpeakerPhotoSize | null {
    return this.photos.sizeFor(speaker, width ?? null, format ?? ImageFormat.JPEG);
  }
}
