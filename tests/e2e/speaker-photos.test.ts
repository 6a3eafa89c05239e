import { once } from 'node:events';
import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import exifr from 'exifr';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { PhotoRendition } from '../../src/speaker-portal/photos/photo.entity';
import { SpeakerPhotos } from '../../src/speaker-portal/photos/speaker-photos.service';
import { Transactions } from '../../src/database/transactions';
import { Lectern, startLectern } from '../support/lectern';
import { rowId } from '../support/ids';
import { ConferenceRef, programmeBuilder, SpeakerRef } from '../support/programme';

const BASE = 'https://lectern.example';
const SIZES = [96, 160, 192, 320, 512];
const FORMATS = [
  { extension: 'webp', format: 'webp', contentType: 'image/webp' },
  { extension: 'jpg', format: 'jpeg', contentType: 'image/jpeg' },
];
const BLUE = { r: 0, g: 0, b: 255 };
const RED = { r: 255, g: 0, b: 0 };
const MB = 1024 * 1024;

/**
 * A camera's photo: 2000×1500 as stored, its left half blue and its right half red, with the
 * camera's EXIF (make, a GPS position) and Orientation 6, which tells viewers to turn it 90°
 * clockwise: upright it is 1500×2000 with the blue half on top.
 */
function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2000, height: 1500, channels: 3, background: RED } })
    .composite([{ input: { create: { width: 1000, height: 1500, channels: 3, background: BLUE } }, left: 0, top: 0 }])
    .withExif({
      IFD0: { Make: 'LecternTestCam', Model: 'Model 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const plain = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: RED } });

/** The chunk names of a WebP file (RIFF): metadata would be `EXIF`, `XMP ` or `ICCP` chunks. */
function riffChunks(file: Buffer): string[] {
  expect(file.toString('latin1', 0, 4)).toBe('RIFF');
  expect(file.toString('latin1', 8, 12)).toBe('WEBP');
  const chunks: string[] = [];
  for (let at = 12; at + 8 <= file.length;) {
    const size = file.readUInt32LE(at + 4);
    chunks.push(file.toString('latin1', at, at + 4));
    at += 8 + size + (size % 2);
  }
  return chunks;
}

/** The colour at a point of an image, as sharp decodes it. */
async function colourAt(image: Buffer, x: number, y: number): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at], g: data[at + 1], b: data[at + 2] };
}

describe("speakers' photos", () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let speaker: SpeakerRef;
  let ownerToken: string;
  let strangerToken: string;

  const put = (speakerId: string | number, body: Buffer | string, options: { token?: string | null; type?: string; query?: string } = {}) =>
    fetch(`${lectern.url}/api/speakers/${encodeURIComponent(String(speakerId))}/photo${options.query ?? ''}`, {
      method: 'PUT',
      headers: {
        'content-type': options.type ?? 'image/jpeg',
        ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? ownerToken}` }),
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  /** The path of one of Lectern's photo addresses, on the test's server. */
  const served = (url: string, headers: Record<string, string> = {}) => fetch(`${lectern.url}${new URL(url).pathname}`, { headers });
  const count = async (table: string) => Number((await lectern.app.get(DataSource).query(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0].n);
  const stored = async () => ({ photos: await count('speaker_photos'), renditions: await count('speaker_photo_renditions') });
  const publicSpeaker = async () =>
    (
      await lectern.ok(
        `query ($slug: String!) { speaker(slug: $slug) { photoUrl photoWidth photoHeight en: photoAlt(locale: "en") sv: photoAlt(locale: "sv") } }`,
        {
          slug: speaker.slug,
        },
      )
    ).speaker;

  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    const admin = programmeBuilder(lectern);
    conference = await admin.conference({ name: 'Fotodagarna', published: true });
    const other = await admin.conference({ name: 'Other conference', published: true });
    ownerToken = (await admin.organiser({ conferences: [conference] })).token;
    strangerToken = (await admin.organiser({ conferences: [other] })).token;
    speaker = await admin.speaker({ conference, name: 'Frida Foto', photoAlt: { sv: 'Frida i hatt' } });
    await admin.session(conference, { speakers: [speaker], published: true });
  });
  afterAll(() => lectern.close());

  describe('an upload', () => {
    let photo: { id: string; url: string; width: number; height: number };
    let original: Buffer;

    beforeAll(async () => {
      original = await cameraJpeg();
      const response = await put(speaker.id, original, { query: '?alt.en=Frida%20in%20a%20hat' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      photo = await response.json();
    });

    it('comes from a photo with EXIF, a GPS position and an orientation (so the test shows what is stripped)', async () => {
      expect(await exifr.gps(original)).toEqual({ latitude: expect.closeTo(59.3167, 3), longitude: expect.closeTo(18.0667, 3) });
      expect(await exifr.parse(original)).toMatchObject({ Make: 'LecternTestCam', Orientation: 'Rotate 90 CW' });
      expect(await sharp(original).metadata()).toMatchObject({ width: 2000, height: 1500, orientation: 6 });
    });

    it("answers Lectern's own address of the default size, 512 px", () => {
      expect(photo).toEqual({
        id: expect.stringMatching(/^[\w-]{22}$/),
        url: `${BASE}/photos/${photo.id}/512.jpg`,
        width: 512,
        height: 512,
      });
    });

    it('is served in every promised size and format: square, upright, re-encoded, with no EXIF, GPS, XMP or ICC', async () => {
      for (const size of SIZES) {
        for (const { extension, format, contentType } of FORMATS) {
          const response = await served(`${BASE}/photos/${photo.id}/${size}.${extension}`);
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toBe(contentType);
          const bytes = Buffer.from(await response.arrayBuffer());
          expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
          const metadata = await sharp(bytes).metadata();
          expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
            format,
            width: size,
            height: size,
          });
          expect({
            exif: metadata.exif,
            xmp: metadata.xmp,
            icc: metadata.icc,
            iptc: metadata.iptc,
            orientation: metadata.orientation,
          }).toEqual({
            exif: undefined,
            xmp: undefined,
            icc: undefined,
            iptc: undefined,
            orientation: undefined,
          });
          if (format === 'jpeg') {
            expect(await exifr.parse(bytes, true)).toBeUndefined();
            expect(await exifr.gps(bytes)).toBeUndefined();
          } else {
            expect(riffChunks(bytes).filter((chunk) => ['EXIF', 'XMP ', 'ICCP'].includes(chunk))).toEqual([]);
          }
          // Turned upright: the blue half is on top, the red one below (unturned, they would be left and right).
          const top = await colourAt(bytes, size / 2, 2);
          const bottom = await colourAt(bytes, size / 2, size - 3);
          expect(top.b).toBeGreaterThan(200);
          expect(top.r).toBeLessThan(60);
          expect(bottom.r).toBeGreaterThan(200);
          expect(bottom.b).toBeLessThan(60);
        }
      }
    });

    it('may be cached for a year, and is revalidated by its ETag', async () => {
      const response = await served(photo.url);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(new Date(response.headers.get('last-modified')!).getTime()).toBeLessThanOrEqual(Date.now());
      const again = await served(photo.url, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      expect((await served(photo.url, { 'if-none-match': '"something-else"' })).status).toBe(200);
      const webp = await served(photo.url.replace(/\.jpg$/, '.webp'));
      expect(webp.headers.get('etag')).not.toBe(etag);
    });

    it('is what the public profile shows: photoUrl, its size, and the alt text kept per locale', async () => {
      expect(await publicSpeaker()).toEqual({
        photoUrl: photo.url,
        photoWidth: 512,
        photoHeight: 512,
        en: 'Frida in a hat',
        sv: 'Frida i hatt',
      });
      const api = await (await fetch(`${lectern.url}/api/speakers/${speaker.slug}?locale=en`)).json();
      expect(api.photo).toEqual({ url: photo.url, width: 512, height: 512, alt: 'Frida in a hat' });
      expect((await served(api.photo.url)).status).toBe(200);
    });

    it('comes in the size a page asks for through GraphQL: photo(width, format)', async () => {
      const { speaker: found } = await lectern.ok(
        `query ($slug: String!) {
          speaker(slug: $slug) {
            standard: photo { url width height }
            wall: photo(width: 96) { url width height }
            retina: photo(width: 300, format: WEBP) { url width height }
            huge: photo(width: 4000) { url width height }
          }
        }`,
        { slug: speaker.slug },
      );
      expect(found).toEqual({
        standard: { url: photo.url, width: 512, height: 512 },
        wall: { url: `${BASE}/photos/${photo.id}/96.jpg`, width: 96, height: 96 },
        retina: { url: `${BASE}/photos/${photo.id}/320.webp`, width: 320, height: 320 },
        huge: { url: photo.url, width: 512, height: 512 },
      });
      for (const size of Object.values(found) as { url: string }[]) expect((await served(size.url)).status).toBe(200);
      const refused = await lectern.graphql(`query ($slug: String!) { speaker(slug: $slug) { photo(width: 0) { url } } }`, {
        slug: speaker.slug,
      });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'width' });
    });

    it('answers 404 with a JSON error for an unknown photo, size or format, never a 500', async () => {
      for (const path of [
        `/photos/${'A'.repeat(22)}/512.jpg`,
        `/photos/${photo.id}/100.jpg`,
        `/photos/${photo.id}/1024.webp`,
        `/photos/${photo.id}/512.png`,
        `/photos/${photo.id}/512.JPG`,
        `/photos/${photo.id}/..%2f..%2fpackage.json`,
        `/photos/x'%20OR%201=1--/512.jpg`,
        `/photos/${photo.id}/512.jpg%00`,
      ]) {
        const response = await fetch(`${lectern.url}${path}`);
        expect([400, 404]).toContain(response.status);
        if (response.status === 404) {
          expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
          expect((await response.json()).error).toMatchObject({ code: 'NOT_FOUND' });
        }
      }
    });
  });

  it('keeps the alt texts of locales a new upload does not name; the speaker is named by slug, global id or number', async () => {
    const bySlug = await put(speaker.slug, await plain(200, 200).jpeg().toBuffer());
    expect(bySlug.status).toBe(200);
    const response = await put(rowId(speaker.id), await plain(300, 200).png().toBuffer(), {
      type: 'image/png',
      query: '?alt.sv=Frida%20utan%20hatt',
    });
    expect(response.status).toBe(200);
    const photo = await response.json();
    // Only 300×200: the sizes up to its shorter side, the largest of them its default.
    expect(photo).toMatchObject({ url: `${BASE}/photos/${photo.id}/192.jpg`, width: 192, height: 192 });
    expect((await served(`${BASE}/photos/${photo.id}/320.jpg`)).status).toBe(404);
    expect(await publicSpeaker()).toEqual({
      photoUrl: photo.url,
      photoWidth: 192,
      photoHeight: 192,
      en: 'Frida in a hat',
      sv: 'Frida utan hatt',
    });
  });

  it('takes PNG (transparent: white behind it in JPEG) and WebP, by their bytes whatever the declared type', async () => {
    const transparent = await sharp({ create: { width: 200, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const png = await put(speaker.id, transparent, { type: 'image/webp' });
    expect(png.status).toBe(200);
    const jpeg = Buffer.from(await (await served((await png.json()).url)).arrayBuffer());
    const corner = await colourAt(jpeg, 10, 10);
    expect(Math.min(corner.r, corner.g, corner.b)).toBeGreaterThan(245);
    const webp = await put(speaker.id, await plain(400, 400).webp().toBuffer(), { type: 'image/jpeg' });
    expect(webp.status).toBe(200);
    expect((await webp.json()).width).toBe(320);
  });

  describe('refuses, naming the field and storing nothing,', () => {
    let before: { photos: number; renditions: number };
    let speakerBefore: unknown;
    beforeEach(async () => {
      before = await stored();
      speakerBefore = await publicSpeaker();
    });
    afterEach(async () => {
      expect(await stored()).toEqual(before);
      expect(await publicSpeaker()).toEqual(speakerBefore);
    });

    const refusal = async (response: Response, status: number, code: string, field?: string) => {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const { error } = await response.json();
      expect(error).toMatchObject({ code, ...(field ? { field } : {}) });
      return error.message as string;
    };

    it('a photo larger than PHOTO_MAX_BYTES (10 MB), with its own message rather than the 1 MB body limit', async () => {
      const large = Buffer.concat([await cameraJpeg(), Buffer.alloc(10 * MB)]);
      expect(await refusal(await put(speaker.id, large), 400, 'BAD_USER_INPUT', 'photo')).toMatch(/larger than 10 MB/);
    });

    it('a body far beyond the limit, with 413 before it is read to the end', async () => {
      expect((await put(speaker.id, Buffer.alloc(12 * MB))).status).toBe(413);
    });

    it('a text file, a damaged JPEG, a GIF, an SVG and an empty body, however declared', async () => {
      const jpeg = await cameraJpeg();
      const cases: [Buffer, string, RegExp][] = [
        [Buffer.from('Not a photo at all.\n'), 'image/jpeg', /not a JPEG, PNG or WebP/],
        [jpeg.subarray(0, jpeg.length / 2), 'image/jpeg', /not a JPEG, PNG or WebP image, or the file is damaged/],
        [await plain(200, 200).gif().toBuffer(), 'image/gif', /GIF.*JPEG, PNG or WebP/],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"/>'), 'image/svg+xml', /SVG.*JPEG, PNG or WebP/],
        [Buffer.alloc(0), 'image/png', /empty/],
      ];
      for (const [body, type, message] of cases) {
        expect(await refusal(await put(speaker.id, body, { type }), 400, 'BAD_USER_INPUT', 'photo')).toMatch(message);
      }
    });

    it('a body that is not an image (text/plain, JSON)', async () => {
      expect(await refusal(await put(speaker.id, 'hello', { type: 'text/plain' }), 400, 'BAD_USER_INPUT', 'photo')).toMatch(/image\/jpeg/);
      expect(await refusal(await put(speaker.id, '{"photo":"x"}', { type: 'application/json' }), 400, 'BAD_USER_INPUT', 'photo')).toMatch(
        /as the body/,
      );
    });

    it('a decompression bomb: a small PNG that claims 9000×9000 pixels', async () => {
      const bomb = await plain(9000, 9000).png({ compressionLevel: 9 }).toBuffer();
      expect(bomb.length).toBeLessThan(MB);
      expect(await refusal(await put(speaker.id, bomb, { type: 'image/png' }), 400, 'BAD_USER_INPUT', 'photo')).toMatch(/megapixels/);
    });

    it('a photo too small to show (under 96×96)', async () => {
      expect(await refusal(await put(speaker.id, await plain(120, 60).jpeg().toBuffer()), 400, 'BAD_USER_INPUT', 'photo')).toMatch(/96×96/);
    });

    it('an alt text in an unknown locale or too long', async () => {
      const jpeg = await plain(200, 200).jpeg().toBuffer();
      expect(await refusal(await put(speaker.id, jpeg, { query: '?alt.zz-nope=x' }), 400, 'BAD_USER_INPUT')).toMatch(/alt/);
      expect(await refusal(await put(speaker.id, jpeg, { query: `?alt.en=${'x'.repeat(501)}` }), 400, 'BAD_USER_INPUT')).toMatch(/alt/);
    });

    it('an organiser of another conference (FORBIDDEN), no token (UNAUTHENTICATED), an unknown speaker (NOT_FOUND)', async () => {
      const jpeg = await plain(200, 200).jpeg().toBuffer();
      await refusal(await put(speaker.id, jpeg, { token: strangerToken }), 403, 'FORBIDDEN');
      await refusal(await put(speaker.id, Buffer.alloc(11 * MB), { token: strangerToken }), 403, 'FORBIDDEN');
      await refusal(await put(speaker.id, jpeg, { token: null }), 401, 'UNAUTHENTICATED');
      await refusal(await put(999999, jpeg), 404, 'NOT_FOUND', 'slug');
      await refusal(await put('no-such-speaker', jpeg), 404, 'NOT_FOUND', 'slug');
    });

    it('an image body on any other route (415)', async () => {
      const response = await fetch(`${lectern.url}/graphql`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' });
      expect(response.status).toBe(415);
    });
  });

  it('gives a photo kept elsewhere as it is, in any size asked for', async () => {
    const build = programmeBuilder(lectern);
    const elsewhere = await build.speaker({ conference, photoUrl: 'https://photos.example/erik.jpg', photoWidth: 800, photoHeight: 600 });
    await build.session(conference, { speakers: [elsewhere], published: true });
    const query = `query ($slug: String!) { speaker(slug: $slug) { photo(width: 96, format: WEBP) { url width height } } }`;
    const { speaker: found } = await lectern.ok(query, { slug: elsewhere.slug });
    expect(found.photo).toEqual({ url: 'https://photos.example/erik.jpg', width: 800, height: 600 });
  });

  it('stores first and shows later (a change awaiting review): the profile keeps its photo until the photo is applied', async () => {
    const photos = lectern.app.get(SpeakerPhotos);
    const before = await publicSpeaker();
    const pending = await photos.store(rowId(speaker.id), { bytes: await cameraJpeg(), alt: { en: 'Frida, reviewed' } });
    expect(await publicSpeaker()).toEqual(before);
    expect((await served(pending.url)).status).toBe(200);
    expect(await photos.find(pending.id)).toEqual(pending);
    await lectern.app.get(Transactions).run((manager) => photos.apply(manager, rowId(speaker.id), pending.id));
    expect(await publicSpeaker()).toMatchObject({ photoUrl: pending.url, photoWidth: 512, en: 'Frida, reviewed' });
    const other = programmeBuilder(lectern);
    const someoneElse = await other.speaker({ conference, name: 'Someone Else' });
    await expect(
      lectern.app.get(Transactions).run((manager) => photos.apply(manager, rowId(someoneElse.id), pending.id)),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'photoId',
    });
  });

  describe('with PHOTO_STORE=s3', () => {
    /** An S3-compatible store on loopback: objects by path (`/<bucket>/<key>`), as the requests left them. */
    const objects = new Map<string, { body: Buffer; headers: IncomingHttpHeaders }>();
    const store = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const path = decodeURIComponent(new URL(request.url!, 'http://store').pathname);
      if (request.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), headers: request.headers });
        return response.writeHead(200, { etag: '"stored"' }).end();
      }
      const object = objects.get(path);
      if (request.method === 'GET' && object) {
        return response
          .writeHead(200, { 'content-type': object.headers['content-type'], 'content-length': object.body.length })
          .end(object.body);
      }
      response
        .writeHead(404, { 'content-type': 'application/xml' })
        .end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
    });
    let s3Lectern: Lectern;
    let s3Speaker: SpeakerRef;
    let s3Token: string;

    beforeAll(async () => {
      store.listen(0, '127.0.0.1');
      await once(store, 'listening');
      s3Lectern = await startLectern({
        PUBLIC_BASE_URL: BASE,
        PHOTO_STORE: 's3',
        S3_ENDPOINT: `http://127.0.0.1:${(store.address() as AddressInfo).port}`,
        S3_BUCKET: 'lectern-photos',
        S3_PREFIX: 'speakers/',
        S3_ACCESS_KEY_ID: 'test-key',
        S3_SECRET_ACCESS_KEY: 'test-secret',
      });
      const build = programmeBuilder(s3Lectern);
      const owner = await build.conference({ published: true });
      s3Token = (await build.organiser({ conferences: [owner] })).token;
      s3Speaker = await build.speaker({ conference: owner });
      await build.session(owner, { speakers: [s3Speaker], published: true });
    });
    afterAll(async () => {
      await s3Lectern.close();
      store.close();
    });

    it('puts the renditions in the bucket, signed, keeps only their description in the database, and serves them from there', async () => {
      const response = await fetch(`${s3Lectern.url}/api/speakers/${s3Speaker.slug}/photo`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${s3Token}` },
        body: new Uint8Array(await cameraJpeg()),
      });
      expect(response.status).toBe(200);
      const photo = await response.json();
      const keys = SIZES.flatMap((size) => FORMATS.map(({ extension }) => `/lectern-photos/speakers/${photo.id}/${size}.${extension}`));
      expect([...objects.keys()].sort()).toEqual(keys.sort());
      for (const [key, object] of objects) {
        expect(object.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\//);
        expect(object.headers['content-type']).toBe(key.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
        expect(object.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
      const rows = await s3Lectern.app
        .get(DataSource)
        .getRepository(PhotoRendition)
        .find({ where: { photoId: photo.id }, select: { bytes: true } });
      expect(rows.map((row) => row.bytes)).toEqual(keys.map(() => ''));

      const servedCopy = await fetch(`${s3Lectern.url}${new URL(photo.url).pathname}`);
      expect(servedCopy.status).toBe(200);
      expect(servedCopy.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await servedCopy.arrayBuffer());
      expect(bytes.equals(objects.get(`/lectern-photos/speakers/${photo.id}/512.jpg`)!.body)).toBe(true);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 512, height: 512 });
      const { speaker: shown } = await s3Lectern.ok(`query ($slug: String!) { speaker(slug: $slug) { photoUrl } }`, {
        slug: s3Speaker.slug,
      });
      expect(shown.photoUrl).toBe(photo.url);

      // A file the store has lost is a 404, not a server error.
      objects.delete(`/lectern-photos/speakers/${photo.id}/96.webp`);
      expect((await fetch(`${s3Lectern.url}/photos/${photo.id}/96.webp`)).status).toBe(404);
    });
  });
});
