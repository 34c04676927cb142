package dev.ratchet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ratchet.test.Database;
import dev.ratchet.test.TcpProxy;

/**
 * A loopback TCP proxy in front of PostgreSQL ({@link TcpProxy}) that counts what a client really
 * costs in network terms, whatever library it is: connections opened, and round trips (the client
 * speaking again after the server answered). A round trip whose request mentions a given name (the
 * history table) is counted apart. Used for counting only, never in a timed run.
 */
final class RoundTripProxy implements AutoCloseable {

	private final TcpProxy proxy;

	private final byte[] marker;

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger roundTrips = new AtomicInteger();

	final AtomicInteger markedRoundTrips = new AtomicInteger();

	RoundTripProxy(Database db, String marker) throws IOException {
		this.marker = marker.getBytes(StandardCharsets.US_ASCII);
		this.proxy = TcpProxy.to(db, this::newConnection);
	}

	/**
	 * Returns the database's JDBC URL, pointing at the proxy.
	 */
	String url(Database db) {
		return this.proxy.url(db);
	}

	void reset() {
		this.connections.set(0);
		this.roundTrips.set(0);
		this.markedRoundTrips.set(0);
	}

	private TcpProxy.Tap newConnection() {
		this.connections.incrementAndGet();
		return new Counter();
	}

	@Override
	public void close() throws IOException {
		this.proxy.close();
	}

	/**
	 * Counts the round trips of one connection.
	 */
	private final class Counter implements TcpProxy.Tap {

		private final AtomicBoolean serverSpoke = new AtomicBoolean(true);

		// Read and written on the client's pump thread only.
		private boolean marked;

		@Override
		public void clientSent(byte[] buffer, int length) {
			if (this.serverSpoke.getAndSet(false)) {
				roundTrips.incrementAndGet();
				this.marked = false;
			}
			if (!this.marked && contains(buffer, length, marker)) {
				this.marked = true;
				markedRoundTrips.incrementAndGet();
				if (Boolean.getBoolean("bench.proxy.debug")) {
					Progress.log("proxy: marked request: "
							+ new String(buffer, 0, length, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "."));
				}
			}
		}

		@Override
		public void serverSent(byte[] buffer, int length) {
			this.serverSpoke.set(true);
		}

	}

	private static boolean contains(byte[] buffer, int length, byte[] marker) {
		outer: for (int i = 0; i + marker.length <= length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (buffer[i + j] != marker[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
