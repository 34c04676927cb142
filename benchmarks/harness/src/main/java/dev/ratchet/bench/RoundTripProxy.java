package dev.ratchet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of PostgreSQL that counts what a client really costs in network
 * terms, whatever library it is: connections opened, and round trips (the client speaking again
 * after the server answered). A round trip whose request mentions a given name (the history table)
 * is counted apart. Used for counting only, never in a timed run.
 */
final class RoundTripProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final byte[] marker;

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger roundTrips = new AtomicInteger();

	final AtomicInteger markedRoundTrips = new AtomicInteger();

	private volatile boolean closed;

	RoundTripProxy(String jdbcUrl, String marker) throws IOException {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		this.targetHost = uri.getHost();
		this.targetPort = (uri.getPort() > 0) ? uri.getPort() : 5432;
		this.marker = marker.getBytes(StandardCharsets.US_ASCII);
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "round-trip-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Returns the JDBC URL with the server's host and port replaced by the proxy's.
	 */
	String proxied(String jdbcUrl) {
		String hostPort = this.targetHost + ":" + this.targetPort;
		String withPort = jdbcUrl.contains(hostPort) ? jdbcUrl : jdbcUrl.replace("//" + this.targetHost + "/", "//" + hostPort + "/");
		return withPort.replace(hostPort, "127.0.0.1:" + this.server.getLocalPort());
	}

	void reset() {
		this.connections.set(0);
		this.roundTrips.set(0);
		this.markedRoundTrips.set(0);
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				this.connections.incrementAndGet();
				AtomicBoolean serverSpoke = new AtomicBoolean(true);
				AtomicBoolean marked = new AtomicBoolean();
				pump(client, upstream, true, serverSpoke, marked);
				pump(upstream, client, false, serverSpoke, marked);
			}
			catch (IOException ex) {
				if (!this.closed) {
					Progress.log("proxy: " + ex.getMessage());
				}
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromClient, AtomicBoolean serverSpoke, AtomicBoolean marked) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[65536];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					if (fromClient) {
						// Count before forwarding, so the answer cannot arrive before the count.
						if (serverSpoke.getAndSet(false)) {
							this.roundTrips.incrementAndGet();
							marked.set(false);
						}
						if (!marked.get() && contains(buffer, n, this.marker)) {
							marked.set(true);
							this.markedRoundTrips.incrementAndGet();
							if (Boolean.getBoolean("bench.proxy.debug")) {
								Progress.log("proxy: marked request: "
										+ new String(buffer, 0, n, StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "."));
							}
						}
					}
					else {
						serverSpoke.set(true);
					}
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed; closing both ends the other pump too.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "round-trip-proxy-pump");
		thread.setDaemon(true);
		thread.start();
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

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.server.close();
	}

}
