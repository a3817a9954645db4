package org.align3d.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** A node's REST API over HTTP/1.1. One instance per node; thread-safe. */
public final class ClusterClient implements AutoCloseable {

    /** Largest response read; bulk and search answers are far smaller. */
    public static final int MAX_RESPONSE_BYTES = 256 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient http;

    public ClusterClient(URI base, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Parses a node address such as {@code http://127.0.0.1:9200}: http or https, a host, an optional port, and no
     * path, query or user info.
     */
    public static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url [" + url + "] is not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url [" + url + "] must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("--url [" + url + "] must be like http://HOST:PORT, without path or query");
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("--url [" + url + "]: port " + uri.getPort() + " is not in 1..65535");
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
    }

    public URI base() {
        return base;
    }

    public ClusterResponse send(String method, String path, byte[] body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ServerUnreachableException(base, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw new ServerUnreachableException(base, e.getCause());
            }
            throw new IOException(method + " " + base.resolve(path) + ": no answer from the node (" + e.getMessage()
                    + "); did it stop?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + path + " interrupted", e);
        }
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException(method + " " + path + ": response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return new ClusterResponse(response.statusCode(), bytes);
        }
    }

    /** Sends a JSON body (or none) and returns the JSON answer; an error status throws. */
    public JsonNode json(String method, String path, Object body) throws IOException {
        ClusterResponse r = send(method, path, body == null ? null : JSON.writeValueAsBytes(body), "application/json");
        if (!r.ok()) {
            throw new ClusterRequestException(method, path, r.status(), r.errorReason());
        }
        return r.json();
    }

    /** GET that answers null for 404 instead of throwing. */
    public JsonNode getIfExists(String path) throws IOException {
        ClusterResponse r = send("GET", path, null, null);
        if (r.status() == 404) {
            return null;
        }
        if (!r.ok()) {
            throw new ClusterRequestException("GET", path, r.status(), r.errorReason());
        }
        return r.json();
    }

    @Override
    public void close() {
        http.close();
    }
}
