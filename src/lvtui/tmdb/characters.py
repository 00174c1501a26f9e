"""The names a TMDB character string gives the text to call its character by, besides the
string itself: "Tyler Durden" gives "Tyler", 'Robert "Bob" Paulson' gives "Bob", "Kang
Sae-byeok / Player 067" gives "Kang Sae-byeok". Only a person's name gives one: never a
description ("Car Salesman", "Next Month's Opponent"), a title and a surname ("Commissioner
Jacobs"), a quote ("Fight Patron Saying 'I don't know'"), or a role. When unsure, none:
each name given here becomes a link wherever the film's text says it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

# Words a role or a description is made of, never a person's given or family name. A word
# missing here can only make the importer derive a name it should not have; each word here
# was met in a real cast list.
NOT_NAMES = frozenset(word for line in (
    "a an the of at in on with and or from to for by as",
    "mr mrs ms miss dr sir madam lady lord king queen prince princess duke count baron saint",
    "man men woman women guy guys girl girls boy boys kid kids child baby gentleman person",
    "people crowd couple twin twins self himself herself themselves narrator voice",
    "young old little big tall short fat thin new first second third fourth fifth next last",
    "cop cops police policeman policewoman officer agent agents guard guards security detective",
    "inspector commissioner chief captain sergeant lieutenant colonel general major private",
    "corporal admiral commander marshal sheriff deputy ranger soldier soldiers pilot trooper",
    "driver salesman saleswoman clerk cashier waiter waitress bartender barman doorman valet",
    "attendant maitre chef maid nanny housekeeper janitor mechanic lounge",
    "doctor nurse surgeon paramedic patient priest nun minister reverend pastor rabbi",
    "father mother brother sister uncle aunt grandma grandpa grandmother grandfather son",
    "daughter wife husband girlfriend boyfriend fiance fiancee cousin nephew niece",
    "student teacher professor principal reporter anchor journalist photographer news",
    "member members leader speaker guest guests passenger neighbor neighbour patron patrons",
    "fighter fighters spectator spectators bully opponent monkey face fan fans dancer buyer",
    "boss worker workers employee manager executive businessman businesswoman business",
    "secretary assistant intern receptionist lawyer attorney judge juror jury mayor senator",
    "president governor ambassador scientist technician engineer operator hacker thug thugs",
    "gangster mobster henchman prisoner inmate convict hostage victim witness suspect killer",
    "car bus van truck taxi cab hotel motel desk food court space support group airport",
    "airline banquet restaurant bar pub club street wall field piano crime crew team unit",
    "office store shop station room house party school church hospital bank casino video",
    "special chanting weeping seminary drunk angry bruised injured dead baseball",
    "player alien trader sailor slave pirate knight warrior creature monster robot zombie",
    "vampire ghost demon dwarf elf giant wizard witch crewman deckhand lookout navigator",
    "helmsman bosun stowaway cadet recruit scout hunter farmer villager peasant servant",
) for word in line.split())

# A capitalised word of letters, in any script that has capitals: Tyler, O'Brien, Sae-byeok,
# Zoë, Łukasz.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+")
_INITIAL = re.compile(r"[A-Z]\.")  # the K. of Raymond K. Hessel
_QUOTED = re.compile(r"[\"'“‘]([^\"'”’]{2,30})[\"'”’]")


def is_a_name(text: str) -> bool:
    """Whether *text* reads as a person's name: two to four capitalised words of letters
    (an initial between them), none of them a word roles are made of, none possessive."""
    words = text.split()
    if not 2 <= len(words) <= 4 or _INITIAL.fullmatch(words[0]) or \
            _INITIAL.fullmatch(words[-1]):
        return False
    return all(_INITIAL.fullmatch(word) or (_is_word(word) and not _is_role(word))
               for word in words)


def _is_word(word: str) -> bool:
    return bool(_WORD.fullmatch(word)) and word[0].isupper() and not word.isupper()


def _is_role(word: str) -> bool:
    return word.endswith(("'s", "’s")) or word.lower() in NOT_NAMES


def names_given(character: str, *, english: bool = True) -> list[str]:
    """The names *character* gives besides itself, before they are checked to be unique in
    the film (see short_names). Unless the credits are *english*, only a nickname in quotes:
    the words roles are made of are known here in English alone ("Bürgermeister Andreas"
    would give "Bürgermeister")."""
    plain = re.sub(r"\s*\([^)]*\)", "", character).strip()  # "(uncredited)", "(voice)"
    # "Riley Wilde - Fighter", "Susan - Cosmetics Buyer": a name, then what they are.
    named, dash, _ = plain.partition(" - ")
    # 'Robert "Bob" Paulson': a name within a name.
    outside = " ".join(_QUOTED.sub(" ", named).split())
    nicknames = [nickname for nickname in _QUOTED.findall(named)
                 if _is_word(nickname) and is_a_name(outside)]
    if not english:
        return [name for name in dict.fromkeys(nicknames) if name != character]
    found = [named] if dash and (is_a_name(named) or (_is_word(named)
                                                      and not _is_role(named))) else []
    halves = [part.strip() for part in named.split(" / ")]
    if len(halves) > 1:  # "Kang Sae-byeok / Player 067": each half that is a name
        found += [half for half in halves if is_a_name(half)]
    found += nicknames
    whole = next((name for name in (named, *halves) if is_a_name(name)), None)
    if whole is not None:
        found.append(whole.split()[0])  # "Tyler" of "Tyler Durden"
    return [name for name in dict.fromkeys(found) if name != character]


def short_names(characters: Sequence[str], taken: Iterable[str] = (), *,
                english: bool = True) -> list[list[str]]:
    """The names each of *characters* gives, keeping only those that name one character of
    the film and no one else (*taken*: the people's names): a name two could answer to is
    a guess."""
    given = [names_given(character, english=english) for character in characters]
    counts = Counter(name for names in given for name in set(names))
    claimed = set(taken) | set(characters)
    return [[name for name in names if counts[name] == 1 and name not in claimed]
            for names in given]
