import { UserError } from '../../src/common/errors';
import { mutationInput } from '../../src/common/mutation-input';

interface Release {
  conferenceSlug: string;
  name: string;
  note?: string | null;
}

interface Update {
  id?: string | null;
  title?: string | null;
}

/** The refusal `read` throws: its code, its field and its message. */
function refusal(read: () => unknown): { code: string; field?: string; message: string } {
  try {
    read();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { code: error.code, field: error.field, message: error.message };
  }
  throw new Error('not refused');
}

describe('mutationInput', () => {
  const release = { conferenceSlug: 'c', name: 'v1' };

  it('reads the new shape: everything in input', () => {
    expect(
      mutationInput<Release, 'conferenceSlug' | 'name'>(release, { conferenceSlug: null, name: undefined, note: null }, ['name']),
    ).toEqual(release);
  });

  it('reads the old shape: the deprecated arguments, without input', () => {
    expect(
      mutationInput<Release, 'conferenceSlug' | 'name'>(null, { conferenceSlug: 'c', name: 'v1', note: 'n' }, ['conferenceSlug', 'name']),
    ).toEqual({
      ...release,
      note: 'n',
    });
  });

  it("reads an update's old shape: the id beside an input of the changes", () => {
    expect(mutationInput<Update, 'id'>({ title: 't' }, { id: '7' }, ['id'])).toEqual({ id: '7', title: 't' });
  });

  it('refuses a value given both ways, naming it in input', () => {
    expect(refusal(() => mutationInput<Update, 'id'>({ id: '7', title: 't' }, { id: '7' }, ['id']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.id',
      message: expect.stringMatching(/^input\.id: given twice/),
    });
  });

  it('refuses the two shapes mixed, naming the deprecated argument sent', () => {
    expect(
      refusal(() => mutationInput<Release, 'name'>(release, { conferenceSlug: undefined, name: undefined, note: 'n' }, ['name'])),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.note', message: expect.stringMatching(/^input\.note: give it in input/) });
  });

  it('refuses a required value given neither way', () => {
    expect(refusal(() => mutationInput<Update, 'id'>({ title: 't' }, { id: null }, ['id']))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.id',
      message: 'input.id: required: give it in input',
    });
    expect(
      refusal(() => mutationInput<Release, 'conferenceSlug' | 'name'>(null, { conferenceSlug: 'c' }, ['conferenceSlug', 'name'])),
    ).toMatchObject({
      field: 'input.name',
    });
  });

  it('takes an empty list or an empty string as given, and leaves the service to judge it', () => {
    expect(mutationInput<{ id: string; windows: string[] }, 'id' | 'windows'>(null, { id: '', windows: [] }, ['id', 'windows'])).toEqual({
      id: '',
      windows: [],
    });
  });
});
