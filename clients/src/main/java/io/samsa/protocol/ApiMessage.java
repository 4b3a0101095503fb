package io.samsa.protocol;

/** The body of a request or response of one API: a top-level generated message. */
public interface ApiMessage extends Message {

    short apiKey();

    short lowestSupportedVersion();

    short highestSupportedVersion();

    /** The first version with compact encodings and tagged fields (KIP-482), or -1 if none is. */
    short firstFlexibleVersion();
}
