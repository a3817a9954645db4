/**
 * HTTP to an OpenSearch node: {@link org.align3d.client.http.ClusterClient} sends JSON and NDJSON with the JDK's
 * HTTP client, bounds every response it reads, and turns failures into the project's exceptions: {@link
 * org.align3d.client.http.ServerUnreachableException} (nothing answers) and {@link
 * org.align3d.client.http.ClusterRequestException} (the node answered with an error status).
 */
package org.align3d.client.http;
