/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.corsgateway.sample;

import reactor.core.publisher.Flux;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Configuration of the sample's upstream service and of the gateway routes that proxy to
 * it.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
public class SampleGatewayConfiguration {

	/**
	 * Path patterns proxied to the upstream, one route each. They match the {@code paths}
	 * of the CORS services in {@code application.yml}.
	 */
	static final String[] ROUTED_PATHS = { "/orders/**", "/catalog/**", "/admin/**", "/events/**", "/fail/**",
			"/public/**", "/partners/**", "/assets/**", "/devices/**", "/account/**", "/mcp/**", "/legacy/**" };

	/**
	 * Path pattern of the WebSocket route, proxied to the upstream's {@code /ws/**}
	 * WebSockets.
	 */
	static final String WEBSOCKET_PATH = "/ws/**";

	@Bean
	UpstreamServer upstreamServer(SampleUpstreamProperties properties, Environment environment) {
		// The CORS playground (/playground.html) asks the cors endpoint's check operation
		// through the upstream, which finds the management port in the environment.
		PlaygroundHandler playground = new PlaygroundHandler(PlaygroundHandler.actuatorBaseUri(environment));
		return new UpstreamServer(properties.port(), playground);
	}

	@Bean
	RouteLocator sampleRoutes(RouteLocatorBuilder builder, UpstreamServer upstreamServer) {
		// With port 0 the upstream's port is known only once it has started, so the
		// routes are built when the gateway first loads them (on ContextRefreshedEvent,
		// after every lifecycle bean has started), not when this bean is created.
		return () -> Flux.defer(() -> {
			String uri = upstreamServer.getUri();
			RouteLocatorBuilder.Builder routes = builder.routes();
			for (String path : ROUTED_PATHS) {
				String id = path.substring(1, path.indexOf('/', 1));
				routes.route(id, (route) -> route.path(path).uri(uri));
			}
			// The ws:// scheme hands the route to the gateway's WebsocketRoutingFilter,
			// which answers the browser's handshake itself and opens a WebSocket to the
			// upstream. (An http:// route would do the same for a request with Upgrade:
			// websocket.) The CORS filter runs first: see the live service in
			// application.yml.
			routes.route("live", (route) -> route.path(WEBSOCKET_PATH).uri(uri.replace("http://", "ws://")));
			return routes.build().getRoutes();
		});
	}

}
