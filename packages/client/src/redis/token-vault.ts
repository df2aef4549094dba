// Tokens go to Redis sealed (AES-256-GCM) with a key derived from the application's secret, which
// every process of the fleet has and Redis never sees: whoever reads Redis gets no usable token.
// A fingerprint (HMAC) of the access token lets the Lua scripts compare tokens without opening them.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface SharedTokens {
  accessToken: string;
  refreshToken: string;
}

const ivBytes = 12;
const tagBytes = 16;

export class TokenVault {
  readonly #key: Buffer;

  constructor(secret: string, baseUrl: string, appId: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, `${baseUrl}\n${appId}`, 'iodm-northbound shared token v1', 32));
  }

  fingerprint(accessToken: string): string {
    return createHmac('sha256', this.#key).update(`fingerprint\n${accessToken}`).digest('base64url').slice(0, 32);
  }

  seal(tokens: SharedTokens): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify([tokens.accessToken, tokens.refreshToken]), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** Undefined when the box was sealed with another secret (or is damaged): treated as no token. */
  open(box: string): SharedTokens | undefined {
    try {
      const raw = Buffer.from(box, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, ivBytes));
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
      const text = Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
      const [accessToken, refreshToken] = JSON.parse(text) as unknown[];
      if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') return undefined;
      return { accessToken, refreshToken };
    } catch {
      return undefined;
    }
  }
}
