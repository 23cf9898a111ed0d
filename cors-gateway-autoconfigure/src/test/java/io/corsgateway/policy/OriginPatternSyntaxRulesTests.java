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
package io.corsgateway.policy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the credentials proof for {@code allowed-origin-patterns}, one per RE2 syntax
 * form the parser reads: each test shows how a form is read by asking the proof about a
 * pattern whose verdict depends on that reading.
 *
 * @author cors-gateway authors
 */
class OriginPatternSyntaxRulesTests {

	private static final String PROPERTY = "cors.defaults.allow-credentials";

	private static final String NOT_HTTPS = "does not start with https:// written out";

	private static final String PLAIN_HTTP = "accepts plain http:// origins";

	private static final String NO_DOMAIN = "does not end with a domain written out after a '.'";

	private static final String PUBLIC_COM = "public suffix 'com'";

	private static final String CANNOT_READ = "which the credentials check cannot read";

	private static String refused(String regex) {
		return refused(regex, false);
	}

	private static String refused(String regex, boolean insecureAllowed) {
		String refusal = OriginPatternSafety.refusal(regex, insecureAllowed, PROPERTY);
		assertThat(refusal).as("refusal of %s", regex).isNotNull();
		return refusal;
	}

	private static void assertAccepted(String regex) {
		assertThat(OriginPatternSafety.refusal(regex, false, PROPERTY)).as("refusal of %s", regex).isNull();
	}

	private static String compiled(String regex) {
		Pattern.compile(regex);
		return regex;
	}

	// Escapes

	@Test
	void digitEscapeEndingTheHostIsNoNamedDomain() {
		assertThat(refused(compiled("https://[a-z]+\\.\\d"))).contains(NO_DOMAIN);
	}

	@Test
	void wordEscapeEndingTheHostIsNoNamedDomain() {
		assertThat(refused(compiled("https://[a-z]+\\.\\w"))).contains(NO_DOMAIN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\D", "\\W", "\\S", "\\pL", "\\PN", "\\p{Greek}", "\\P{L}" })
	void negatedAndUnicodeClassEscapesStandForOriginCharacters(String escape) {
		assertThat(refused(compiled("https://app\\.example\\.com" + escape))).contains(NO_DOMAIN);
	}

	@Test
	void unicodeClassEscapeIsReadToItsClosingBrace() {
		assertAccepted(compiled("https://\\p{L}\\.example\\.com"));
		assertAccepted(compiled("https://[a-z]{2}\\p{L}\\.example\\.com"));
	}

	@Test
	void spaceEscapeMatchesNoOriginCharacterSoItsBranchMatchesNothing() {
		assertAccepted(compiled("https://.*\\.com\\s"));
	}

	@Test
	void requiredCharacterThatNoOriginContainsMakesTheBranchHarmless() {
		assertAccepted(compiled("https://.*\\.com\\n"));
		assertAccepted(compiled("ftp://.*\\.com\\t|https://app\\.example\\.com"));
	}

	@Test
	void hexEscapeIsTheCharacterItNames() {
		assertAccepted(compiled("https://[a-z]+\\x2eexample\\x{2E}com"));
		assertThat(refused(compiled("https://[a-z]+\\x2dexample\\.com"))).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://[a-z]+\\x{2d}example\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void escapedPunctuationIsThatCharacter() {
		assertThat(refused(compiled("https://[a-z]+\\-example\\.com"))).contains(PUBLIC_COM);
		assertAccepted(compiled("https\\:\\/\\/[a-z]+\\.example\\.com"));
	}

	@Test
	void escapedLetterWithoutAMeaningIsUnreadable() {
		assertThat(OriginPatternSafety.refusal("https://\\qapp\\.example\\.com", false, PROPERTY))
			.contains("the escape '\\q'", CANNOT_READ);
	}

	@Test
	void escapedNonAsciiCharacterIsUnreadable() {
		assertThat(OriginPatternSafety.refusal("https://\\\u0080app\\.example\\.com", false, PROPERTY))
			.contains(CANNOT_READ);
	}

	@Test
	void malformedEscapesAreRefusedNotCrashedOn() {
		assertThat(refused("https://app\\.example\\.com\\")).contains("a trailing '\\'");
		assertThat(refused("https://app\\.example\\.com[a\\")).contains("a trailing '\\'");
		assertThat(refused("https://app\\.example\\.com\\p")).contains("an unterminated '\\p{'");
		assertThat(refused("https://app\\.example\\.com\\p{L")).contains("an unterminated '\\p{'");
		assertThat(refused("https://app\\.example\\.com\\x{2e")).contains("an unterminated '\\x{'");
		assertThat(refused("https://app\\.example\\.com\\xzz")).contains("the escape '\\xzz'");
	}

	// Zero-width assertions

	@Test
	void zeroWidthAssertionsAreDropped() {
		assertAccepted(compiled("^\\Ahttps://\\b[a-z]+\\B\\.example\\.com$\\z"));
		assertThat(refused(compiled("\\Ahttps://\\b.*\\.com\\z"))).contains(PUBLIC_COM);
	}

	// Character classes

	@Test
	void escapeInsideAClassIsTheCharacterItNames() {
		assertAccepted(compiled("https://[a-z]+[\\.]example\\.com"));
		assertThat(refused(compiled("https://[a-z]+[\\-]example\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void classOfTheDotAndAnotherCharacterIsNoLabelBoundary() {
		assertThat(Pattern.compile("https://[a-z]+[.s]example\\.com").matches("https://appsexample.com")).isTrue();
		assertThat(refused("https://[a-z]+[.s]example\\.com")).contains(PUBLIC_COM);
	}

	@Test
	void classOfOnlyTheDotIsALabelBoundary() {
		assertAccepted(compiled("https://[a-z]+[.]example\\.com"));
	}

	@Test
	void negatedClassMatchesEverythingItDoesNotExclude() {
		assertThat(Pattern.compile("https://app[^.]example\\.com").matches("https://appxexample.com")).isTrue();
		assertThat(refused("https://app[^.]example\\.com")).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://app\\.example\\.co[^a-z]"))).contains(NO_DOMAIN);
	}

	@Test
	void negatedClassStartingWithABracketReadsTheBracketAsAMember() {
		assertThat(refused(compiled("https://[^]]+example\\.com"))).contains(PUBLIC_COM);
		assertAccepted(compiled("https://[]]*[.]example\\.com"));
	}

	@Test
	void negatedClassOfAClosingBracketEndsAtTheSecondBracket() {
		assertThat(refused(compiled("https://app\\.example\\.com[^]]"))).contains(NO_DOMAIN);
		assertThat(refused(compiled("https://[^]]example\\.com"))).contains("'notexample.com'", PUBLIC_COM);
	}

	@Test
	void deleteCharacterIsAsciiAndNoOriginCharacter() {
		assertAccepted(compiled("https://.*\\.com[\\x7f]"));
		assertAccepted(compiled("https://.*\\.com[~-\\x7f]"));
	}

	@Test
	void hyphenAtTheEndOfAClassIsALiteral() {
		assertAccepted(compiled("https://[a-]+\\.example\\.com"));
		assertThat(refused(compiled("https://[.-]example\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void rangeCoversEveryCharacterBetweenItsEnds() {
		assertThat(refused(compiled("https://app[,-.]example\\.com"))).contains(PUBLIC_COM);
		assertAccepted(compiled("https://app[.-.]example\\.com"));
	}

	@Test
	void classWithANonAsciiMemberStandsForEveryLetter() {
		// The Kelvin sign folds to 'k' under (?i).
		assertThat(refused(compiled("https://app\\.example\\.co[\u212A]"))).contains(NO_DOMAIN);
		assertThat(refused(compiled("https://app\\.example\\.co[\u00e9-\u00ff]"))).contains(NO_DOMAIN);
	}

	@Test
	void upperCaseClassIsFoldedToLowerCase() {
		assertAccepted(compiled("(?i)https://[A-Z]+\\.EXAMPLE\\.COM"));
		assertThat(refused(compiled("https://[A-Z]+\\.[A-Z]"))).contains(NO_DOMAIN);
	}

	@Test
	void classEndingInAnOpenRangeIsRefusedNotCrashedOn() {
		assertThat(refused("https://[a-")).contains("the unterminated class '[a-'");
	}

	@Test
	void malformedClassesAreRefusedNotCrashedOn() {
		assertThat(refused("https://[a-z")).contains("the unterminated class '[a-z'");
		assertThat(refused("https://[[:alpha:]]")).contains("the POSIX class syntax '[:'");
	}

	// Quantifiers

	@Test
	void repeatedSIsNoScheme() {
		assertThat(refused(compiled("https+://app\\.example\\.com"))).contains(NOT_HTTPS);
		assertThat(refused(compiled("http(s){0,}://app\\.example\\.com"))).contains(NOT_HTTPS);
		assertThat(refused(compiled("https*://app\\.example\\.com"))).contains(NOT_HTTPS);
	}

	@Test
	void optionalSAcceptsPlainHttp() {
		assertThat(refused(compiled("https?://app\\.example\\.com"))).contains(PLAIN_HTTP);
		assertThat(refused(compiled("http(s){0,1}://app\\.example\\.com"))).contains(PLAIN_HTTP);
		assertThat(refused(compiled("https??://app\\.example\\.com"))).contains(PLAIN_HTTP);
		assertThat(OriginPatternSafety.refusal("https?://app\\.example\\.com", true, PROPERTY)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http(s){0,2}://", "http(ss)?://", "http(s|ss)?://", "http(s?s?)?://" })
	void optionalPartThatCanBeLongerThanOneSIsNoScheme(String scheme) {
		assertThat(refused(compiled(scheme + "app\\.example\\.com"))).contains(NOT_HTTPS);
	}

	@Test
	void braceAfterALiteralBraceAtTheStartIsNoRepetition() {
		assertThat(refused(compiled("}?https://app\\.example\\.com(a{x})?"))).contains(NOT_HTTPS);
		assertThat(refused(compiled(",?https://app\\.example\\.com(a{x})?"))).contains(NOT_HTTPS);
	}

	@Test
	void repetitionOfExactlyOneIsItsBody() {
		assertAccepted(compiled("http(s){1}://app\\.example\\.com"));
		assertAccepted(compiled("http(s){1,1}://app\\.example\\.com"));
	}

	@Test
	void repetitionOfZeroIsDropped() {
		assertThat(refused(compiled("https://.*\\.com(\\.example\\.com){0}"))).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://.*\\.com(\\.example\\.com){0,0}"))).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://.*\\.com{0}"))).contains("public suffix 'co'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{2}", "{2,}", "{2,5}", "{90}", "{1000}", "{9}", "+", "*", "?", "+?", "{2}?" })
	void repeatedLastLetterLeavesNoDomainWrittenOut(String quantifier) {
		assertThat(refused(compiled("https://.*\\.com" + quantifier))).contains(NO_DOMAIN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{}", "{,2}", "{05}", "{1,02}", "{2,x}", "{x}", "{2", "{2,", "{2,5", "{10000}" })
	void braceThatOpensNoRepetitionIsALiteralNoOriginContains(String brace) {
		// RE2J reads these as literal text (it refuses {10000}, which the parser
		// reads as text too), and '{' never occurs in an origin.
		assertAccepted("https://.*\\.com" + brace);
	}

	@Test
	void quantifierWithNothingBeforeItIsRefused() {
		assertThat(refused("*https://app\\.example\\.com")).contains("a quantifier with nothing before it");
	}

	// Groups and flags

	@Test
	void namedGroupIsReadAsItsBody() {
		assertAccepted(compiled("(?P<scheme>https)://app\\.example\\.com"));
		assertAccepted(compiled("(?<scheme>https)://app\\.example\\.com"));
		assertThat(refused(compiled("(?P<s>https?)://app\\.example\\.com"))).contains(PLAIN_HTTP);
	}

	@Test
	void flagGroupsChangeNothingTheProofReads() {
		assertAccepted(compiled("(?i)(?s-m)(?U)https://(?i:[a-z]+)\\.example\\.com"));
		assertThat(refused(compiled("(?i)https://(?s:.)*\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void unknownGroupSyntaxIsNamedInTheRefusal() {
		assertThat(refused("(?=x)https://app\\.example\\.com")).contains("the group syntax '(?='", CANNOT_READ);
		assertThat(refused("https://app\\.example\\.com(?i")).contains("the group syntax '(?i'");
	}

	@Test
	void unbalancedParenthesesAreRefused() {
		assertThat(refused("https://(app\\.example\\.com")).contains("an unbalanced '('");
		assertThat(refused("https://app\\.example\\.com)")).contains("an unbalanced ')'");
		assertThat(refused("https://(?P<name")).contains("an unterminated group name");
	}

	@Test
	void quotedTextIsLiteral() {
		assertAccepted(compiled("\\Qhttps://\\E[a-z]+\\Q.example.com\\E"));
		assertThat(refused(compiled("\\Qhttps://\\E[a-z]+\\Q-example.com\\E"))).contains(PUBLIC_COM);
	}

	@Test
	void quotedTextRunsToTheEndWithoutClosingE() {
		assertAccepted(compiled("https://[a-z]+\\Q.example.com"));
		assertThat(refused(compiled("https://.*\\Q.com"))).contains(PUBLIC_COM);
	}

	@Test
	void adjacentQuotedRunsJoinUp() {
		assertAccepted(compiled("\\Qhttps:\\E\\Q//\\E[a-z]+\\Q.\\E\\Qexample.com\\E"));
	}

	@Test
	void quantifierAfterQuotedTextRepeatsItsLastCharacter() {
		assertThat(refused(compiled("https://.*\\Q.co\\Em+"))).contains(NO_DOMAIN);
		assertThat(refused(compiled("https://\\Qapp.example.com\\E+"))).contains(NO_DOMAIN);
	}

	// Branch expansion

	@Test
	void everyTopLevelAlternativeIsChecked() {
		assertThat(refused(compiled("https://a\\.example\\.com|https://.*\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void moreThan64TopLevelAlternativesAreRefused() {
		String pattern = IntStream.rangeClosed(1, 65)
			.mapToObj((i) -> "https://a" + i + "\\.example\\.com")
			.collect(Collectors.joining("|"));
		assertThat(refused(compiled(pattern))).contains("more than 64 alternatives", "Split it into several");
	}

	@Test
	void sixtyFourTopLevelAlternativesAreChecked() {
		String pattern = IntStream.rangeClosed(1, 64)
			.mapToObj((i) -> "https://a" + i + "\\.example\\.com")
			.collect(Collectors.joining("|"));
		assertAccepted(compiled(pattern));
	}

	@Test
	void optionalGroupIsNotExpandedIntoBranches() {
		String pattern = "https://(a|b|c|d|e|f|g|h)?(a|b|c|d|e|f|g|h)?(a|b|c|d|e|f|g|h)?\\.example\\.com";
		assertAccepted(compiled(pattern));
	}

	// Scheme

	@ParameterizedTest
	@ValueSource(strings = { "http", "https", "https:/app\\.example\\.com", "https:app\\.example\\.com",
			"httpx://app\\.example\\.com", "htt://app\\.example\\.com", "[h]?ttps://app\\.example\\.com" })
	void schemeMustBeSpelledOutWithItsSlashes(String pattern) {
		assertThat(refused(compiled(pattern))).contains(NOT_HTTPS, "http:// only for loopback hosts");
	}

	// Port tails

	@Test
	void optionalTailThatIsNotAPortBelongsToTheHost() {
		assertThat(Pattern.compile("https://app\\.example\\.com(\\.evil\\.net)?")
			.matches("https://app.example.com.evil.net")).isTrue();
		assertThat(refused("https://app\\.example\\.com(\\.evil\\.net)?")).contains(NO_DOMAIN);
		assertThat(refused(compiled("https://app\\.example\\.com(:[0-9]+|\\.evil\\.net)?"))).contains(NO_DOMAIN);
	}

	@Test
	void portIsAColonFollowedByDigitsOnly() {
		assertThat(refused(compiled("https://app\\.example\\.com(:[0-9a-z]+)?"))).contains(NO_DOMAIN);
		assertThat(refused(compiled("https://app\\.example\\.com:[0-9a-z]+"))).contains(NO_DOMAIN);
		assertAccepted(compiled("https://app\\.example\\.com(:[0-9]+|)?"));
		assertAccepted(compiled("https://app\\.example\\.com:\\d{2,5}"));
	}

	@Test
	void onlyTheLastColonCanStartAPort() {
		assertThat(refused(compiled("https://[a-z]+\\.com:8443\\.example:443"))).contains(NO_DOMAIN);
	}

	@Test
	void patternWithNoHostBeforeItsPortMatchesNoOrigin() {
		assertAccepted(compiled("https://:[0-9]+"));
	}

	// Loopback

	@ParameterizedTest
	@ValueSource(strings = { "http://([a-z0-9-]+\\.)?localhost(:[0-9]+)?", "http://localhost",
			"http://127\\.[0-9.]+(:[0-9]+)?", "http://127\\.\\d+\\.\\d+\\.\\d+", "http://[a-z]+\\.localhost" })
	void loopbackHostsMayUsePlainHttp(String pattern) {
		assertAccepted(compiled(pattern));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[a-z]+localhost", "http://127\\.[0-9a-z.]+", "http://127[0-9.]+",
			"http://localhost\\.evil\\.net", "http://12[0-9]\\.0\\.0\\.1" })
	void hostsThatOnlyLookLoopbackAreNot(String pattern) {
		assertThat(refused(compiled(pattern))).isNotNull();
	}

	@Test
	void insecureOriginsOfANamedDomainNeedAllowInsecureOrigins() {
		assertThat(refused(compiled("http://[a-z]+\\.example\\.com"))).contains(PLAIN_HTTP,
				"allow-insecure-origins: true");
		assertThat(OriginPatternSafety.refusal("http://[a-z]+\\.example\\.com", true, PROPERTY)).isNull();
	}

	// Named-domain boundary

	@ParameterizedTest
	@ValueSource(strings = { "a1", "z1", "az", "9a" })
	void lastLabelWithAnyLetterNamesADomain(String tld) {
		assertAccepted(compiled("https://[a-z]+\\.example\\." + tld));
	}

	@Test
	void numericLastLabelNamesNoDomain() {
		assertThat(refused(compiled("https://[a-z]+\\.example\\.19"))).contains(NO_DOMAIN);
	}

	@Test
	void domainWithoutABoundaryIsTakenFromTheFirstDot() {
		assertThat(refused(compiled("https://[a-z]+example\\.com"))).contains("'notexample.com'", PUBLIC_COM);
		assertAccepted(compiled("https://[a-z]+-app\\.example\\.com"));
		assertThat(refused(compiled("https://[a-z]+example"))).contains(NO_DOMAIN);
	}

	@Test
	void optionalItemBeforeTheDomainLetsWhatPrecedesItEndTheLabel() {
		assertThat(Pattern.compile("https://[a-z]+(\\.)?example\\.com").matches("https://appexample.com")).isTrue();
		assertThat(refused("https://[a-z]+(\\.)?example\\.com")).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://[a-z]+(\\.?){2}example\\.com"))).contains(PUBLIC_COM);
		assertThat(refused(compiled("https://[a-z]+(\\.|){2}example\\.com"))).contains(PUBLIC_COM);
	}

	@Test
	void requiredItemEndingInADotIsALabelBoundary() {
		assertAccepted(compiled("https://[a-z]+(-[a-z]+\\.)+example\\.com"));
		assertAccepted(compiled("https://[a-z]+(x\\.|\\.){2}example\\.com"));
	}

	@Test
	void suffixStartingWithADotNeedsNoUnboundedWarning() {
		assertThat(refused(compiled("https://[a-z]+\\.com"))).contains(PUBLIC_COM).doesNotContain("'not");
	}

	@Test
	void refusalNamesThePropertyAndTheFix() {
		assertThat(refused(compiled("https://.*\\.com"))).contains(
				"allow-credentials: true (set by cors.defaults.allow-credentials)",
				"https://[a-z0-9-]+\\.example\\.com or https://([a-z0-9-]+\\.)*example\\.com");
		assertThat(refused("https://(")).contains("Write it with literals, character classes such as [a-z0-9-]");
	}

}
