package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    static List<Token> tokens(String sql, Tokenizer.Mode mode) {
        Tokenizer tokenizer = new Tokenizer(sql);
        tokenizer.restart(0, mode);
        List<Token> tokens = new ArrayList<>();
        for (Token t = tokenizer.next(); t.kind() != Token.Kind.EOF; t = tokenizer.next()) {
            tokens.add(t);
        }
        return tokens;
    }

    @Test
    void hiveStringsResolveBackslashEscapes() {
        List<Token> t = tokens("'a\\tb' 'it''s' '\\'' '\\001' '\\u0041' '\\%\\_' '\\q' '\\\\'", Tokenizer.Mode.HIVE);
        assertThat(t).extracting(Token::value).containsExactly("a\tb", "it's", "'", "\u0001", "A", "\\%\\_", "q",
                "\\");
    }

    @Test
    void sqlStringsOnlyKnowDoubledQuotes() {
        List<Token> t = tokens("'a\\' 'it''s'", Tokenizer.Mode.SQL);
        assertThat(t).extracting(Token::value).containsExactly("a\\", "it's");
    }

    @Test
    void tokensCarryOffsetsLinesAndColumns() {
        List<Token> t = tokens("DROP\n  TABLE /* x */ db.`T`;", Tokenizer.Mode.HIVE);
        assertThat(t).extracting(Token::kind).containsExactly(Token.Kind.WORD, Token.Kind.WORD, Token.Kind.WORD,
                Token.Kind.SYMBOL, Token.Kind.QUOTED_IDENTIFIER, Token.Kind.SYMBOL);
        Token table = t.get(1);
        assertThat(List.of(table.offset(), table.line(), table.column())).containsExactly(7, 2, 3);
        assertThat(t.get(4).value()).isEqualTo("T");
        assertThat(t.get(4).text()).isEqualTo("`T`");
    }

    @Test
    void numbersAndWordsAreTellApart() {
        List<Token> t = tokens("10 2.5 1st x_1", Tokenizer.Mode.HIVE);
        assertThat(t).extracting(Token::kind).containsExactly(Token.Kind.NUMBER, Token.Kind.NUMBER, Token.Kind.WORD,
                Token.Kind.WORD);
        assertThat(t.get(1).text()).isEqualTo("2.5");
    }
}
