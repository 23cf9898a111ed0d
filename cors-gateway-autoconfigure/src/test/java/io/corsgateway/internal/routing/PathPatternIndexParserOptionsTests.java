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
package io.corsgateway.internal.routing;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule of {@link PathPatternIndex#builder(PathPatternParser)}: the segment tree speaks
 * only the HTTP path syntax, so patterns of a parser with other path options (another
 * separator) are matched by the patterns themselves.
 *
 * @author cors-gateway authors
 */
class PathPatternIndexParserOptionsTests {

	@Test
	void patternOfAMessageRouteParserIsMatchedWithItsOwnSeparator() {
		PathPatternParser parser = new PathPatternParser();
		parser.setPathOptions(PathContainer.Options.MESSAGE_ROUTE);
		// With '.' as separator, "/orders.created" is the literal "/orders" then
		// "created", not the HTTP segment "orders.created".
		PathPatternIndex<String> index = PathPatternIndex.<String>builder(parser)
			.add(parser.parse("/orders.created"), "created")
			.build();
		PathContainer route = PathContainer.parsePath("/orders.created", PathContainer.Options.MESSAGE_ROUTE);
		assertThat(index.find(route, (value, argument) -> true, "")).isEqualTo("created");
		assertThat(index.find(PathContainer.parsePath("/orders.deleted", PathContainer.Options.MESSAGE_ROUTE),
				(value, argument) -> true, ""))
			.isNull();
	}

}
