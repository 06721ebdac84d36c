/**
 * Access links for other agencies (issue #16): a name, rights, a scope of
 * cameras and an expiry, kept in `access-links.json` (owner-only, atomic, last
 * good copy) with only the SHA-256 of each token — the token itself is shown
 * once, when the link is made. Whoever holds a link's sockets (the browser
 * host's API, the relay) asks `isGood` twice a second and closes those of a
 * link revoked or expired meanwhile.
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { AccessGrant } from '../../../shared/access';
import { AccessLinkSchema, type AccessLink } from '../../../shared/access-api';
import { CodedError } from '../../../shared/errors';
import type { Logger } from '../log';
import { JsonFileStore } from '../store/json-file-store';
import { OneWriter } from '../store/one-writer';
import { newToken } from '../relay/access';

const StoredLinkSchema = AccessLinkSchema.extend({ tokenHash: z.string().regex(/^[0-9a-f]{64}$/) });
type StoredLink = z.infer<typeof StoredLinkSchema>;
const LinksFileSchema = z.strictObject({ links: z.array(StoredLinkSchema).max(10_000) });
type LinksFile = z.infer<typeof LinksFileSchema>;

const DAY = 86_400_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A link as it may be shown: everything but its token's hash. */
function view({ tokenHash: _hidden, ...link }: StoredLink): AccessLink {
  return link;
}

export class AccessLinks {
  private readonly store: JsonFileStore<LinksFile>;
  private readonly writer = new OneWriter();
  private links: StoredLink[] = [];

  constructor(
    dataDir: string,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new JsonFileStore({
      file: path.join(dataDir, 'access-links.json'),
      schema: LinksFileSchema,
      defaults: () => ({ links: [] }),
      // A damaged file with no good copy is kept aside and the list starts empty: every link then
      // stops working (none is wrongly let in, a revoked one included) and the wall still starts.
      whenUnrecoverable: 'defaults',
      secret: true,
      logger,
    });
  }

  async open(): Promise<void> {
    this.links = (await this.store.load()).value.links;
  }

  list(): AccessLink[] {
    return this.links.map(view);
  }

  create(
    input: Pick<AccessLink, 'name' | 'rights' | 'scope'> & { days?: number },
  ): Promise<{ link: AccessLink; token: string }> {
    return this.writer.run(async () => {
      const token = newToken();
      const createdAt = this.now();
      const stored: StoredLink = {
        id: randomBytes(8).toString('hex'),
        name: input.name,
        rights: [...new Set(input.rights)],
        scope: input.scope,
        createdAt,
        ...(input.days ? { expiresAt: createdAt + input.days * DAY } : {}),
        tokenHash: hash(token),
      };
      await this.store.save({ links: [...this.links, stored] });
      this.links = [...this.links, stored];
      return { link: view(stored), token };
    });
  }

  revoke(id: string): Promise<AccessLink> {
    return this.writer.run(async () => {
      const found = this.links.find((l) => l.id === id);
      if (!found) throw new CodedError('invalid-request', `No access link "${id}".`);
      const revoked = { ...found, revokedAt: found.revokedAt ?? this.now() };
      const next = this.links.map((l) => (l.id === id ? revoked : l));
      await this.store.save({ links: next });
      this.links = next;
      return view(revoked);
    });
  }

  /** The link a token opens, if it is one and still good (not revoked, not expired). */
  grantFor(token: string): { linkId: string; grant: AccessGrant } | undefined {
    const wanted = hash(token);
    const link = this.links.find((l) => l.tokenHash === wanted);
    if (!link || !this.good(link)) return undefined;
    return { linkId: link.id, grant: { name: link.name, rights: new Set(link.rights), scope: link.scope } };
  }

  isGood(linkId: string): boolean {
    const link = this.links.find((l) => l.id === linkId);
    return !!link && this.good(link);
  }

  private good(link: StoredLink): boolean {
    return link.revokedAt === undefined && (link.expiresAt === undefined || link.expiresAt > this.now());
  }
}
