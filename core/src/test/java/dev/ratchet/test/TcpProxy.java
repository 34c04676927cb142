package dev.ratchet.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on the loopback interface between Ratchet and the test's PostgreSQL, so a test can cut
 * a connection at a moment of its choosing. Connections are numbered in the order they were opened.
 * Threads are daemons and everything stops on {@link #close()}. A {@link Tap} may watch the bytes
 * (the benchmarks count round trips with one).
 */
public final class TcpProxy implements AutoCloseable {

	private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:?]+)(?::(\\d+))?/");

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final Supplier<Tap> taps;

	private final List<Socket[]> connections = new CopyOnWriteArrayList<>();

	private TcpProxy(InetSocketAddress target, Supplier<Tap> taps) throws IOException {
		this.target = target;
		this.taps = taps;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Starts a proxy in front of a test database.
	 * @param db the database
	 * @return the proxy
	 * @throws IOException if it cannot listen
	 */
	public static TcpProxy to(Database db) throws IOException {
		return to(db, () -> Tap.NONE);
	}

	/**
	 * Starts a proxy in front of a test database whose connections are watched.
	 * @param db the database
	 * @param taps makes the tap of each new connection
	 * @return the proxy
	 * @throws IOException if it cannot listen
	 */
	public static TcpProxy to(Database db, Supplier<Tap> taps) throws IOException {
		Matcher matcher = HOST_AND_PORT.matcher(db.url());
		if (!matcher.find()) {
			throw new IllegalArgumentException("No host and port in " + db.url());
		}
		int port = (matcher.group(2) != null) ? Integer.parseInt(matcher.group(2)) : 5432;
		return new TcpProxy(new InetSocketAddress(matcher.group(1), port), taps);
	}

	/**
	 * Returns the database's JDBC URL, pointing at this proxy.
	 */
	public String url(Database db) {
		return HOST_AND_PORT.matcher(db.url()).replaceFirst("//127.0.0.1:" + this.server.getLocalPort() + "/");
	}

	/**
	 * Returns how many connections were opened through the proxy.
	 */
	public int connectionCount() {
		return this.connections.size();
	}

	/**
	 * Cuts one connection, both ways, with a reset, as a failing network or a dying load balancer would.
	 * @param index the connection, 0 for the first one opened
	 */
	public void cut(int index) {
		for (Socket socket : this.connections.get(index)) {
			try {
				socket.setSoLinger(true, 0);
				socket.close();
			}
			catch (IOException ex) {
				// Already closed.
			}
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(this.target.getHostString(), this.target.getPort());
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				this.connections.add(new Socket[] { client, upstream });
				Tap tap = this.taps.get();
				pump(client, upstream, tap::clientSent);
				pump(upstream, client, tap::serverSent);
			}
			catch (IOException ex) {
				// Closed, or the server is unreachable: the client sees its connection fail.
			}
		}
	}

	private static void pump(Socket from, Socket to, Watcher watcher) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					// Seen before forwarding, so the answer cannot arrive before the tap saw the request.
					watcher.sent(buffer, read);
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// The connection was cut or closed.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing left to do.
		}
	}

	/**
	 * Watches the bytes of one proxied connection, each read before it is forwarded; called on the
	 * connection's two pump threads.
	 */
	public interface Tap {

		/** A tap that does nothing. */
		Tap NONE = new Tap() {
		};

		/**
		 * Sees bytes the client sent.
		 * @param buffer the buffer
		 * @param length how many bytes of it were read
		 */
		default void clientSent(byte[] buffer, int length) {
		}

		/**
		 * Sees bytes the server sent.
		 * @param buffer the buffer
		 * @param length how many bytes of it were read
		 */
		default void serverSent(byte[] buffer, int length) {
		}

	}

	@FunctionalInterface
	private interface Watcher {

		void sent(byte[] buffer, int length);

	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (int i = 0; i < this.connections.size(); i++) {
			cut(i);
		}
	}

}
