/**
 * When a camera's H.264 is one this browser's decoder will not take: a stream
 * that errors at keyframe after keyframe without one picture painted in between
 * is not damaged (a damaged stream paints between its errors), it is
 * undecodable here, and the tile goes to MPEG-1 for it (ffmpeg decodes what the
 * browser cannot). One error after pictures were painted is a damaged picture:
 * the decoder starts again at the next keyframe, as before.
 */
export const ERRORS_BEFORE_UNDECODABLE = 3;

export class DecodeTrouble {
  private errorsSincePicture = 0;
  private said = false;

  /** A picture was painted: whatever failed before was passing damage. */
  painted(): void {
    this.errorsSincePicture = 0;
  }

  /** A decoder error; true once (the first time the stream counts as undecodable). */
  failed(): boolean {
    this.errorsSincePicture++;
    if (this.said || this.errorsSincePicture < ERRORS_BEFORE_UNDECODABLE) return false;
    this.said = true;
    return true;
  }
}
