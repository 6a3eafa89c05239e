/** Who is asking. Public readers see published content only; organisers also see drafts. */
export interface Viewer {
  organiser: boolean;
}

export const PUBLIC_VIEWER: Viewer = { organiser: false };
export const ORGANISER_VIEWER: Viewer = { organiser: true };
