"""The book's exam-style questions, declared once each, chapter by chapter.

Every fact in a model answer is told, with its source, in the chapter the question belongs to;
``cites`` names the bibliography keys the answers rely on.  See :mod:`exercises._exam`.
"""

from __future__ import annotations

from ._exam import ExamQuestion, ModelAnswer, register_exam

Q, M = ExamQuestion, ModelAnswer

# --- berlin ---------------------------------------------------------------------------------

register_exam(Q(
    "berlin-exam-wall-consequences", "berlin", "edexcel-consequences",
    "Explain two consequences of the building of the Berlin Wall in August 1961.",
    cites=("frus1961v14d104", "rytlewski1987refugees", "nsarchive2011wall", "frus1961v14d196"),
    models=(
        M(1, "The Berlin Wall was built in 1961. It stopped people going to the West. Relations stayed bad.",
          "It names a consequence (people stopped leaving) but does not explain it or support it, and the second point is too vague to count."),
        M(2, "One consequence was that East Germans could no longer escape to the West through Berlin. "
             "The border was closed on 13 August 1961 and the number of refugees fell.\n\n"
             "A second consequence was that the crisis over Berlin became less likely to turn into a war, "
             "because the West did not try to pull the Wall down.",
          "Two different consequences, each with a short explanation; but the support is thin (no figures) and the second does not say why the Wall eased the crisis."),
        M(3, "One consequence was that the flight of people from East Germany almost stopped. "
             "About 2.7 million people had left between 1949 and August 1961, most of them young workers, and this drained the GDR of labour. "
             "After the border was sealed on 13 August 1961 only about 21,000 registered as refugees in 1962, a tenth of the 1961 figure. "
             "So the Wall saved the East German state from collapse by locking its people in.\n\n"
             "A second consequence was that the acute crisis between the superpowers over Berlin eased. "
             "Khrushchev had stopped the flight without attacking West Berlin, and the Western powers kept their troops and their routes into the city, "
             "so they protested but did not try to pull the barriers down. "
             "In private, US officials such as Dean Rusk thought the Wall would steady East Germany and so calm the crisis. "
             "The tank stand-off at Checkpoint Charlie in October 1961 showed the danger was not over, but the Soviet tanks pulled back the next morning.",
          "Two distinct consequences, each explained (how the Wall led to the result) and backed by specific knowledge: dates, figures, names."),
    ),
))

register_exam(Q(
    "berlin-exam-account", "berlin", "aqa-account",
    "Write an account of how the flight of refugees through Berlin led to a crisis between the USA and the USSR in the years 1958–61.",
    cites=("ghdi1963refugees", "frus1958v08d72", "frus1958v08d507", "eisenhower1959campdavid", "frus1961v14d81", "frus1961v14d104"),
    models=(
        M(2, "Lots of East Germans escaped to West Berlin in the 1950s. Khrushchev did not like this and made an ultimatum in 1958. "
             "Later the Berlin Wall was built in 1961.",
          "It shows one link (the refugees worried Khrushchev), but the events are listed, not explained, and there is little detail."),
        M(3, "In the 1950s Berlin was the one open door in the Iron Curtain, and about 2.7 million people left East Germany between 1949 and 1961. "
             "Many were young workers, so the GDR was losing labour.\n\n"
             "To close the gap, Khrushchev sent a note on 27 November 1958 demanding that West Berlin become a free city within six months. "
             "The Western powers refused to leave, and the deadline was dropped after the Geneva talks and Camp David in 1959.\n\n"
             "At Vienna in June 1961 Khrushchev renewed the demand, and Kennedy answered on 25 July with a military build-up. "
             "On 13 August 1961 East Germany closed the border.",
          "A sequence of events, in order and with specific knowledge, each linked to the crisis; but the links between the steps are not always explained."),
        M(4, "The crisis began with the refugees. About 2.7 million people left East Germany for the West between 1949 and August 1961, most of them young and working. "
             "Because Berlin was the last open crossing, every departure weakened the GDR and embarrassed Khrushchev, its protector.\n\n"
             "This is why Khrushchev tried to change Berlin's status. "
             "His note of 27 November 1958 demanded a demilitarised free city within six months, or the USSR would hand its rights in Berlin to the GDR, which the West did not recognise. "
             "That threatened the Western powers' way into West Berlin, so the USA said at once that it would not abandon the city: the refugee problem had become a test of both superpowers' credibility.\n\n"
             "Talks only postponed the clash. The foreign ministers met at Geneva in 1959 without agreement, and after Camp David in September 1959 the deadline was quietly dropped. "
             "The Paris summit of May 1960, which was to discuss Berlin, collapsed over the U-2.\n\n"
             "Meanwhile the flight grew faster. At Vienna in June 1961 Khrushchev demanded a peace treaty and a free city again, and Kennedy replied on 25 July 1961 with more troops and civil defence, "
             "saying the USA would not be driven out of Berlin. Caught between the refugees and American resolve, the GDR sealed the border on 13 August 1961.",
          "A well-organised account that analyses a chain of connected events: each paragraph explains how one step led to the next and to the crisis, with precise knowledge."),
    ),
))

register_exam(Q(
    "berlin-exam-usefulness", "berlin", "aqa-usefulness",
    "How useful are Sources A and B to a historian studying why Berlin brought the superpowers close to war between 1958 and 1961?",
    sources=("Source A (the Soviet note of 27 November 1958)", "Source B (Kennedy's address of 25 July 1961)"),
    cites=("ussr1958berlinnote", "kennedy1961berlin", "frus1958v09grewe", "nsarchive2011wall"),
    models=(
        M(2, "Source A is useful because it shows the Soviet Union wanted West Berlin to be a free city. "
             "Source B is useful because Kennedy says the USA will not be driven out of Berlin.",
          "It says how each source is useful from its content, but does not use the provenance or the student's own knowledge."),
        M(3, "Source A is useful because it is the official Soviet note of November 1958. "
             "It shows the USSR demanding a demilitarised free city and threatening to end talks, which explains why the West felt threatened. "
             "As a government note to the USA it shows the official Soviet position.\n\n"
             "Source B is useful because it is Kennedy's broadcast of 25 July 1961, after Khrushchev renewed his demands at Vienna. "
             "Kennedy says the USA will not be driven out of Berlin, and he also announced a military build-up, so it shows how close the two sides came.",
          "Both content and provenance are used for each source, supported by knowledge of the time; but there is no judgement of how far each source can answer the enquiry."),
        M(4, "Both sources are useful because they show the public positions that made Berlin dangerous. "
             "Source A, the Soviet note of 27 November 1958, shows Khrushchev demanding a free city and saying there would be nothing left to negotiate if the USA refused. "
             "Because it was an official note handed to the US ambassador, it is strong evidence of the threat the West faced: a six-month deadline that could cut its access to West Berlin.\n\n"
             "Source B shows the American answer at the height of the crisis. "
             "Kennedy spoke on 25 July 1961, after Vienna, to the whole nation, and his words were aimed at Moscow as much as at Americans: the USA would stay whatever the pressure. "
             "It is useful for showing why neither side could back down in public.\n\n"
             "But both are public statements meant to impress the other side, so they show determination, not private doubts. "
             "Khrushchev quietly dropped his deadline after Camp David in 1959, and after 13 August 1961 US officials said in private that the Wall would ease the crisis. "
             "So the sources are most useful for why Berlin looked close to war, and less useful for how close the leaders really wanted to go.",
          "A judgement on how useful each source is for this enquiry, weighing content, provenance and context, and saying what the sources cannot show."),
    ),
))

# --- conclusion: questions that span the whole period ------------------------------------------

register_exam(Q(
    "conclusion-exam-how-far", "conclusion", "aqa-how-far",
    "'Relations between the USA and the USSR got steadily worse in the years 1955–62.' How far do you agree with this statement? Explain your answer.",
    cites=("frus1955v20d48", "frus1955v25d162", "frus1958v08d72", "eisenhower1959campdavid", "frus1958v10p2d27", "frus1961v14d104", "frus1961v06d68", "frus1961v05d333"),
    models=(
        M(2, "I agree that relations got worse. In 1956 the Soviets crushed the Hungarian rising, in 1961 the Berlin Wall was built, "
             "and in 1962 the Cuban Missile Crisis nearly caused a nuclear war. These events made the two sides distrust each other more and more.",
          "It explains one side of the argument with some accurate knowledge, but it never looks at the evidence against the statement and does not weigh anything."),
        M(3, "There is evidence for the statement. Soviet tanks crushed the Hungarian rising in November 1956, "
             "Khrushchev's Berlin ultimatum of November 1958 gave the West six months to leave, and the Wall went up in August 1961. "
             "In October 1962 the Cuban Missile Crisis brought the superpowers to the brink of nuclear war, so by 1962 relations were worse than in 1955.\n\n"
             "But relations did not get worse in a straight line. At Geneva in July 1955 the leaders held their first summit since the war, "
             "and in September 1959 Khrushchev toured the USA and talked with Eisenhower at Camp David, where his Berlin deadline was quietly dropped. "
             "After the missile crisis the two sides agreed the hotline in June 1963. So there were periods of thaw as well as freeze.",
          "Reasons for and against, each backed by precise knowledge; but it stops without a judgement on how far the statement is true."),
        M(4, "The statement is partly right about the direction of relations but wrong about their shape: they did not get worse steadily, they swung between thaw and freeze, and each freeze was more dangerous than the last.\n\n"
             "The case for the statement is strong if we compare 1955 with 1962. In July 1955 the leaders met at Geneva in a spirit of hope. "
             "By October 1962 Soviet missiles in Cuba had brought the world closer to nuclear war than ever before. "
             "On the way, the crushing of Hungary in 1956, Khrushchev's Berlin ultimatum of 1958 and the Wall of 1961 each raised the stakes, "
             "and the arms race gave every crisis a nuclear edge.\n\n"
             "But the word 'steadily' does not fit. After the ultimatum came a real thaw: Khrushchev visited the USA in September 1959 and his deadline on Berlin was dropped after Camp David. "
             "It was the U-2, shot down on 1 May 1960, that wrecked the Paris summit and ended the thaw, not a slow slide. "
             "Even in the worst crises both leaders looked for a way out: the tanks at Checkpoint Charlie pulled back after a night, and the missile crisis ended in a bargain, followed by the hotline in 1963.\n\n"
             "So I agree only in part. The overall trend from 1955 to 1962 was towards greater danger, because the problems of Germany, Berlin and the arms race were never settled. "
             "But change came in sharp turns caused by particular events, and the thaws show that both sides wanted to avoid war. "
             "The most important turning point was the U-2 affair, because it closed the best chance of a settlement and led into the crises of 1961–62.",
          "A sustained judgement ('only in part') that weighs the evidence for and against, explains why one factor matters most, and is backed by precise knowledge throughout."),
    ),
))

register_exam(Q(
    "conclusion-exam-importance", "conclusion", "edexcel-importance",
    "Explain the importance of the nuclear arms race for relations between the USA and the Soviet Union in the years 1955–62.",
    cites=("frus1955v19d159", "kristensen2023stockpiles", "frus1958v10p2d27", "frus1961v06d68"),
    models=(
        M(1, "The arms race was a race to build more nuclear weapons. Both sides built bombs and missiles, and the USSR launched Sputnik in 1957.",
          "It describes the arms race but never says how it mattered for relations between the two powers."),
        M(2, "The arms race was important because it made the USA afraid. When the USSR launched Sputnik in October 1957, Americans feared a 'missile gap', "
             "so the USA built more missiles and relations became more tense.",
          "One way the arms race mattered for relations is explained and supported; the answer needs a second, developed point."),
        M(3, "The arms race mattered first because it turned fear into policy. Sputnik, launched in October 1957, showed that the USSR had rockets that could reach America, "
             "and the fear of a 'missile gap' pushed the USA into a build-up, even though by 1962 it had far more warheads than the Soviet Union.\n\n"
             "Second, the race for information wrecked diplomacy. The U-2 spy flights were meant to count Soviet missiles, "
             "and when one was shot down on 1 May 1960 Khrushchev broke up the Paris summit, ending the thaw that had begun at Camp David.\n\n"
             "Third, the arms race explains the most dangerous moment of all. Behind in long-range missiles, Khrushchev placed shorter-range missiles in Cuba, "
             "and the crisis of October 1962 brought the superpowers to the brink. "
             "The fright led both sides to the hotline and the test ban of 1963, so the arms race shaped both the worst crisis and the first steps to control it.",
          "Several developed ways the arms race mattered *for relations*, each with precise knowledge and linked back to the question."),
    ),
))

register_exam(Q(
    "conclusion-exam-narrative", "conclusion", "edexcel-narrative",
    "Write a narrative account analysing the key events of 1958–62 that led to the Cuban Missile Crisis.",
    given=("Khrushchev's Berlin ultimatum (1958)", "the Bay of Pigs invasion (1961)"),
    cites=("frus1958v08d72", "frus1958v10p2d27", "frus1961v14d104", "frus1961v06d68"),
    models=(
        M(1, "In 1958 Khrushchev gave an ultimatum about Berlin. In 1961 the Bay of Pigs happened. Then in 1962 there was the Cuban Missile Crisis.",
          "Some events are described, but only the two given points, and nothing links one to the next."),
        M(2, "In November 1958 Khrushchev demanded that West Berlin become a free city within six months. The West refused, and tension over Berlin lasted for years.\n\n"
             "In April 1961 Cuban exiles trained by the CIA landed at the Bay of Pigs and were defeated. This made Castro fear another American attack, so he moved closer to the USSR.\n\n"
             "In 1962 Khrushchev sent missiles to Cuba, and when they were found in October the crisis began.",
          "Events are in order and one link is explained (the Bay of Pigs pushed Castro towards Moscow); but the account uses little beyond the given points and does not connect Berlin to Cuba."),
        M(3, "The road to Cuba began in Berlin. Khrushchev's ultimatum of November 1958 demanded a free city within six months, "
             "but the deadline was dropped after Camp David in 1959, and the Paris summit of May 1960, which might have settled Berlin, collapsed after the U-2 was shot down.\n\n"
             "With diplomacy stalled, the new president, Kennedy, was tested in Cuba. The failed landing at the Bay of Pigs in April 1961 humiliated him "
             "and convinced Castro and Khrushchev that the USA would try again, so Cuba turned to the Soviet Union for protection.\n\n"
             "Two months later, at Vienna in June 1961, Khrushchev renewed his Berlin demands, and in August the Wall went up. "
             "Many historians think Vienna left Khrushchev believing that Kennedy could be pushed, while the USA was well ahead in long-range missiles.\n\n"
             "These threads came together in 1962. Placing missiles in Cuba would protect Castro and cut America's lead in missiles that could reach the other side. "
             "When a U-2 photographed the sites on 14 October 1962, Berlin, the arms race and Cuba had become one crisis.",
          "A connected chain in which each step explains how it led to the next, with precise knowledge beyond the two given points, ending at the outcome the question names."),
    ),
))
