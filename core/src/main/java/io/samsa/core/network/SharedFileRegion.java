package io.samsa.core.network;

import io.netty.channel.DefaultFileRegion;

import java.nio.channels.FileChannel;

/**
 * A slice of a log segment sent with sendfile. It extends {@link DefaultFileRegion} because
 * Netty's epoll transport uses native sendfile only for that type, but unlike its parent it does
 * not close the channel when released: the channel belongs to the segment and serves every fetch.
 */
final class SharedFileRegion extends DefaultFileRegion {

    SharedFileRegion(FileChannel channel, long position, long count) {
        super(channel, position, count);
    }

    @Override
    protected void deallocate() {
        // The segment owns the channel; nothing to free here.
    }
}
