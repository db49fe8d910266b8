/* eslint-disable wakeline/server-only-first -- a declaration file has no code a client bundle could reach, and an import would turn its ambient module into an augmentation */
// ggencoder ships no types; this declares the part of its AIS decoder that nmea.ts reads.
declare module 'ggencoder/lib/GG-AisDecode' {
  /** Decodes one AIVDM/AIVDO sentence; multi-sentence messages share a `session` until complete. */
  class AisDecode {
    constructor(sentence: string, session?: Record<string, unknown>);
    /** True once a message decoded with a usable position (or static data). */
    valid: boolean;
    /** Why decoding failed ("AisDecode: Sentence checksum is invalid."), or ''. */
    error: string;
    aistype?: number;
    /** Nine digits, zero-padded. */
    mmsi?: string;
    lat?: number;
    lon?: number;
    sog?: number;
    cog?: number;
    imo?: number;
    shipname?: string;
    part?: number;
  }
  export = AisDecode;
}
