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

# --- thaw ------------------------------------------------------------------------------------

register_exam(Q(
    "thaw-exam-nato-consequences", "thaw", "edexcel-consequences",
    "Explain two consequences of West Germany joining NATO in May 1955.",
    cites=("state1955warsaw", "frus1955v20d48"),
    models=(
        M(1, "West Germany joined NATO in 1955. The Soviet Union did not like this.",
          "A reaction is named, but no consequence is explained or supported."),
        M(2, "One consequence was the Warsaw Pact. The USSR and its allies signed it in May 1955, a few days after West Germany joined NATO.\n\n"
             "Another consequence was that Germany stayed divided, because each half was now in a different alliance.",
          "Two consequences with a little support; but neither explains *why* West Germany's entry led to it."),
        M(3, "One consequence was the creation of the Warsaw Pact on 14 May 1955, only days after West Germany became NATO's fifteenth member. "
             "The Soviet Union had lost twenty million people to Germany in the war, and it saw a rearmed West Germany inside the American alliance as a direct threat, "
             "so it bound the armies of Eastern Europe into a military alliance under Soviet command. The preamble of the Pact itself names the remilitarised West Germany in NATO as its reason.\n\n"
             "A second consequence was that the division of Germany hardened. With each German state in a rival alliance, "
             "neither side would accept reunification on the other's terms, so when the four leaders met at Geneva in July 1955 they could agree on nothing about Germany. "
             "The German question stayed open and returned as the Berlin crisis of 1958–61.",
          "Two distinct consequences, each with a clear link from the event to the result and precise supporting knowledge."),
    ),
))

register_exam(Q(
    "thaw-exam-geneva-importance", "thaw", "edexcel-importance",
    "Explain the importance of the Geneva summit (July 1955) for relations between the USA and the Soviet Union.",
    cites=("frus1955v20d48",),
    models=(
        M(1, "The Geneva summit was held in July 1955. Eisenhower and the Soviet leaders met there. Eisenhower made the Open Skies proposal.",
          "It describes the summit but does not say why it mattered for relations."),
        M(2, "The Geneva summit was important because it was the first meeting of the American and Soviet leaders since 1945. "
             "It showed that after Stalin's death the two sides were willing to talk, which began a thaw.",
          "One way the summit mattered is explained with some knowledge; a second developed point is needed."),
        M(3, "Geneva mattered first because it showed a new tone. It was the first summit of the American and Soviet leaders since 1945, "
             "held in July 1955 after Stalin's death, and the friendly atmosphere (the 'spirit of Geneva') showed that both sides now preferred talks to threats.\n\n"
             "Second, it showed the limits of that thaw. Eisenhower's Open Skies plan for aerial inspection of each other's territory was turned down by the Soviet side, "
             "and the leaders could not agree about Germany, which had just been divided between NATO and the Warsaw Pact. "
             "So Geneva eased the mood of relations without settling any of the issues that divided them, and those issues, above all Germany and the arms race, drove the crises that followed.",
          "Two developed points about the summit's importance *for relations*, each backed by precise knowledge and tied to the question."),
    ),
))

register_exam(Q(
    "thaw-exam-account", "thaw", "aqa-account",
    "Write an account of how relations between the USA and the USSR changed between Stalin's death in March 1953 and the Geneva summit of July 1955.",
    cites=("service2004stalin", "cvce1955austria", "frus1955v20d48"),
    models=(
        M(2, "Stalin died in 1953 and the new Soviet leaders were less aggressive. This led to the Geneva summit in 1955, where the leaders met.",
          "One link is shown (Stalin's death made a summit possible), but the events are few and not explained."),
        M(3, "Stalin died on 5 March 1953. The new leaders shared power and wanted to ease tension, and in July 1953 the Korean War ended in an armistice.\n\n"
             "In 1955 the Soviet Union agreed to the Austrian State Treaty, and the occupying armies left Austria. "
             "But West Germany joined NATO in May 1955 and the Warsaw Pact was formed in reply.\n\n"
             "In July 1955 the leaders met at Geneva, their first summit since 1945.",
          "A sequence of events with specific knowledge, linked to the change in relations; but the links are stated rather than analysed, and the account misses the tension between thaw and alliance-building."),
        M(4, "Stalin's death on 5 March 1953 opened the way to change. His successors ruled collectively at first, Khrushchev as party First Secretary from September 1953 and Malenkov as Premier until February 1955, "
             "and they wanted to cut the risk of war and the cost of the arms race. The Korean War armistice in July 1953 removed the most dangerous point of conflict.\n\n"
             "This made a thaw possible. In May 1955 the Soviet Union signed the Austrian State Treaty, and the occupation armies left Austria, which soon declared itself neutral: "
             "proof to the West that the new leaders would give ground.\n\n"
             "At the same time both sides were strengthening their blocs. West Germany joined NATO in May 1955, and within days the Soviet Union answered with the Warsaw Pact. "
             "So the thaw came with a harder division of Europe.\n\n"
             "Both trends met at Geneva in July 1955. The leaders held their first summit since the war and the atmosphere was warm, "
             "but they could agree neither on Germany nor on Eisenhower's Open Skies plan. Relations had become calmer in tone but no less divided in substance.",
          "A well-organised account analysing a range of connected events: it explains how each step changed relations and shows the double movement of thaw and division."),
    ),
))

# --- year-1956 -------------------------------------------------------------------------------

register_exam(Q(
    "year-1956-exam-hungary-consequences", "year-1956", "edexcel-consequences",
    "Explain two consequences of the Hungarian uprising of 1956.",
    cites=("frus1955v25d162",),
    models=(
        M(1, "The Hungarian uprising was crushed. Many people died.",
          "A result is named but not explained or supported with specific knowledge."),
        M(2, "One consequence was that Soviet tanks crushed the rising in November 1956 and Nagy's government fell. "
             "Another consequence was that many Hungarians fled to the West as refugees.",
          "Two consequences with some knowledge, but neither is explained: how did the uprising lead to them?"),
        M(3, "One consequence was that the Soviet Union showed it would use force to keep its control of Eastern Europe. "
             "When Nagy's government declared Hungary neutral and left the Warsaw Pact on 1 November 1956, "
             "Soviet forces attacked Budapest on 4 November and put a loyal government in power. "
             "The uprising therefore set the limit of de-Stalinisation: reform was allowed, leaving the Soviet bloc was not.\n\n"
             "A second consequence was that the West's talk of 'liberation' was shown to be empty. "
             "The USA condemned the invasion at the United Nations but did not intervene, because it would not risk a war with a nuclear power over a country inside the Soviet sphere. "
             "Hungarians who had hoped for help felt abandoned, and both superpowers learned that each would not fight over the other's bloc, which steadied the division of Europe.",
          "Two distinct consequences, each explained from the uprising to its result and supported by precise knowledge."),
    ),
))

register_exam(Q(
    "year-1956-exam-narrative", "year-1956", "edexcel-narrative",
    "Write a narrative account analysing the key events of 1956 in Hungary.",
    given=("Khrushchev's Secret Speech (February 1956)", "Nagy's declaration of neutrality (1 November 1956)"),
    cites=("frus1955v24d50", "frus1955v25d162"),
    models=(
        M(1, "Khrushchev made the Secret Speech in February 1956. Later Hungary rose up, and Nagy declared neutrality. The Soviets invaded.",
          "The events are listed, using only the points given, with nothing to show how one led to the next."),
        M(2, "In February 1956 Khrushchev attacked Stalin in his Secret Speech. This encouraged people in Eastern Europe to hope for change.\n\n"
             "In October students in Budapest demonstrated and the rising began. Imre Nagy became leader.\n\n"
             "On 1 November Nagy declared Hungary neutral. The Soviet Union attacked Budapest on 4 November and crushed the rising.",
          "The account is in order with one clear link (the speech encouraged hopes of change) and some own knowledge; the other links are not explained."),
        M(3, "The Secret Speech of 25 February 1956 began the chain of events. By condemning Stalin's crimes, Khrushchev weakened the hard-line leaders he had installed across Eastern Europe "
             "and encouraged people to hope for reform.\n\n"
             "Those hopes first broke out in Poland, where in October the Soviet leaders accepted a reform communist, Gomułka, without invading. "
             "Encouraged, students in Budapest marched on 23 October 1956 in support of the Poles, and the demonstration became a national rising that brought Imre Nagy to power.\n\n"
             "At first Moscow seemed ready to compromise: on 30 October it offered to review its troops in Eastern Europe. "
             "But Nagy went further than Gomułka. On 1 November he declared Hungary neutral and left the Warsaw Pact, which threatened the whole Soviet bloc.\n\n"
             "This decided the outcome. On 4 November Soviet forces attacked Budapest and crushed the rising, "
             "while the West, divided by the Suez crisis and unwilling to risk war, protested at the United Nations but did not act.",
          "A connected chain: each step explains how it led to the next, with precise knowledge beyond the two given points, reaching the end of the story."),
    ),
))

register_exam(Q(
    "year-1956-exam-how-far", "year-1956", "aqa-how-far",
    "'The USA let the Hungarians down in 1956.' How far do you agree with this statement? Explain your answer.",
    cites=("frus1955v25d162", "frus1955v25d128"),
    models=(
        M(2, "I agree, because the USA did not send help when the Soviets invaded Hungary in November 1956. "
             "The Hungarians had hoped the West would help them.",
          "One reason for the statement is explained with some knowledge, but there is no other side and no judgement."),
        M(3, "The statement has some truth. American radio broadcasts and talk of 'liberating' Eastern Europe gave some Hungarians hope of help, "
             "but when Soviet forces attacked Budapest on 4 November 1956 the USA did nothing beyond protesting at the United Nations.\n\n"
             "On the other hand, the USA had good reasons not to act. Hungary was deep inside the Soviet sphere, and intervening could have started a nuclear war. "
             "In October Dulles even said publicly that the USA did not see the satellite states as potential military allies. "
             "The Suez crisis also divided the West at the same moment.",
          "Reasons for and against, both with specific knowledge; but it does not reach a judgement on how far the statement is true."),
        M(4, "I agree only in part: the USA did raise hopes it would not meet, but it never promised military help, and it could not have given it without risking a nuclear war.\n\n"
             "The case for the statement rests on words. For years American leaders had spoken of 'liberating' the captive nations, and American-funded radio broadcast to Hungary during the rising; "
             "historians still disagree about how far those broadcasts encouraged Hungarians to expect help. "
             "When Soviet forces attacked Budapest on 4 November 1956, the USA condemned it at the United Nations but did nothing else.\n\n"
             "The case against is stronger. Hungary lay inside the Soviet bloc, beside Soviet forces, and both powers had nuclear weapons: intervention risked a general war. "
             "The US government made this plain: in Dallas on 27 October Dulles said the USA did not see the satellites as potential military allies, a message meant to reassure Moscow. "
             "And at that moment the Suez crisis split the USA from Britain and France, leaving no united Western response.\n\n"
             "So the USA did let down Hungarians who had taken its words literally, but its actions followed a policy it had signalled: it accepted the division of Europe rather than risk war. "
             "The gap between its language and that policy is what made the failure so bitter.",
          "A sustained, justified judgement that weighs both sides, explains why one matters more, and uses precise knowledge, including a disagreement between historians."),
    ),
))

# --- arms-race -------------------------------------------------------------------------------

register_exam(Q(
    "arms-race-exam-sputnik-consequences", "arms-race", "edexcel-consequences",
    "Explain two consequences of the launch of Sputnik in October 1957.",
    cites=("frus1955v19d159", "siddiqi2000challenge", "eisenhower1957newsconf"),
    models=(
        M(1, "Sputnik was the first satellite. Americans were scared.",
          "A reaction is stated, but not explained or supported."),
        M(2, "One consequence was that Americans feared the USSR was ahead in rockets, because the rocket that launched Sputnik could also carry a bomb. "
             "Another consequence was that the USA spent more on science and missiles.",
          "Two consequences with some explanation; more precise support (dates, names, what was done) would raise it."),
        M(3, "One consequence was fear of a 'missile gap'. Sputnik was launched on 4 October 1957 by the same kind of rocket as the Soviet R-7 ICBM, first flown successfully in August. "
             "If the USSR could put a satellite in orbit, it seemed it could hit American cities, so critics such as Senator Kennedy warned that the USA was falling behind.\n\n"
             "A second consequence was an American build-up in science and missiles. Eisenhower, who knew from secret intelligence that the USA was not behind, "
             "still answered the public alarm with speeches on science and security and more money for missiles and education. "
             "The race for missiles and for information about them, such as the U-2 flights, became a driving force of relations in the years to 1962.",
          "Two distinct consequences, each explained from the launch to its result and supported with precise knowledge."),
    ),
))

register_exam(Q(
    "arms-race-exam-gap-importance", "arms-race", "edexcel-importance",
    "Explain the importance of the 'missile gap' for relations between the USA and the Soviet Union in the years 1957–62.",
    cites=("kennedy1958senate", "wgbh1989gilpatric", "time1961strength"),
    models=(
        M(1, "The missile gap was the idea that the USSR had more missiles than the USA. Kennedy talked about it.",
          "It describes the idea, but not why it mattered for relations."),
        M(2, "The missile gap was important because it made Americans afraid after Sputnik, so the USA built many more missiles. "
             "This made the arms race faster and relations worse.",
          "One way the idea mattered is explained; precise support and a second developed point are needed."),
        M(3, "The missile gap mattered first because it drove an American build-up. After Sputnik in 1957, critics, among them Senator Kennedy in 1958, claimed the USSR was pulling ahead, "
             "and the fear pushed the USA to build missiles far faster than the Soviet Union could.\n\n"
             "Second, the gap turned out to be the other way round, and that changed relations. "
             "From 1961 US intelligence judged that the Soviet Union had only a handful of ICBMs, and in October 1961 the Deputy Secretary of Defense, Gilpatric, said in public that the USA had more nuclear power than the USSR. "
             "Khrushchev now knew that Washington knew how weak he was. "
             "Many historians think this helps to explain why he sent shorter-range missiles to Cuba in 1962, so the imagined gap led in the end to the most dangerous crisis of the Cold War.",
          "Two developed ways the missile gap mattered *for relations*, each with precise knowledge and tied back to the question."),
    ),
))

register_exam(Q(
    "arms-race-exam-how-far", "arms-race", "aqa-how-far",
    "'By 1962 the USA was clearly winning the arms race.' How far do you agree with this statement? Explain your answer.",
    cites=("kristensen2023stockpiles", "frus1961v05d190"),
    models=(
        M(2, "I agree, because by 1962 the USA had many more nuclear weapons than the USSR. The missile gap did not really exist.",
          "A reason for the statement is given with some knowledge, but not developed, and the other side is missing."),
        M(3, "The statement is largely true. In 1962 the USA had about 25,500 nuclear warheads against about 3,300 Soviet ones, and far more long-range missiles and bombers. "
             "The Soviet ICBM force was tiny: counts for October 1962 range from about 20 to 36 missiles, and the CIA's May 1962 count of 81 included sites still being built.\n\n"
             "But the Soviet Union had achieved things the USA had not. It launched the first ICBM test, the first satellite in 1957 and the first man in space in 1961, "
             "and in October 1961 it exploded a bomb of about 50 megatons.",
          "Reasons on both sides with precise figures; but no judgement on how far the statement holds."),
        M(4, "I largely agree: by 1962 the USA was far ahead in the weapons that counted, though 'winning' is the wrong word for a race in which neither side could use its lead.\n\n"
             "In numbers the USA led by a wide margin. The book's table gives about 25,500 American warheads in 1962 against about 3,300 Soviet ones. "
             "In long-range missiles the gap was just as wide: the sources give between about 20 and 36 Soviet ICBMs in October 1962, "
             "and the CIA's May 1962 figure of 81 counted sites still being built.\n\n"
             "The Soviet Union's strength was in firsts and in fear. Sputnik in 1957, Gagarin's flight in April 1961 and the 50-megaton test of October 1961 persuaded many people that the USSR was ahead, "
             "which is why the 'missile gap' shaped American politics up to the 1960 election.\n\n"
             "But being ahead did not make the USA safe. Even a few Soviet missiles could destroy American cities, and Khrushchev tried to close the gap cheaply by placing missiles in Cuba. "
             "The crisis of October 1962 showed that the lead bought no security. So the USA was clearly ahead by 1962, but the race itself brought both sides to the brink.",
          "A justified judgement that weighs precise evidence on both sides, including the difference between the real balance and the feared one, and explains why it matters."),
    ),
))

# --- summits-and-u2 --------------------------------------------------------------------------

register_exam(Q(
    "summits-and-u2-exam-u2-consequences", "summits-and-u2", "edexcel-consequences",
    "Explain two consequences of the U-2 incident of May 1960.",
    cites=("frus1958v10p2d27", "frus1960u2note"),
    models=(
        M(1, "An American spy plane was shot down in 1960. The USA was embarrassed.",
          "A result is stated without explanation or detail."),
        M(2, "One consequence was that the Paris summit failed, because Khrushchev demanded an apology that Eisenhower would not give. "
             "Another consequence was that the pilot, Gary Powers, was put on trial in Moscow.",
          "Two consequences with some knowledge; the first is partly explained, the second is not."),
        M(3, "One consequence was the collapse of the Paris summit. The U-2 was shot down on 1 May 1960, and the USA first claimed it was a lost weather plane. "
             "When Khrushchev revealed on 7 May that the pilot was alive and the film recovered, the cover story fell apart. "
             "At Paris on 16 May Khrushchev demanded that Eisenhower condemn the flights and apologise; Eisenhower would not, and the summit broke down after one session, "
             "ending the thaw begun at Camp David and any chance of a Berlin settlement with Eisenhower.\n\n"
             "A second consequence was a loss of trust on both sides. Eisenhower had been caught out in a public lie and then defended the flights at a news conference on 11 May, "
             "while Khrushchev had been embarrassed before his colleagues for trusting him. "
             "Powers's trial in Moscow in August kept the affair in the news, and Khrushchev waited for the next president before negotiating again.",
          "Two distinct consequences, each explained from the incident to its result with precise dates and names."),
    ),
))

register_exam(Q(
    "summits-and-u2-exam-narrative", "summits-and-u2", "edexcel-narrative",
    "Write a narrative account analysing the key events of the U-2 affair in May 1960.",
    given=("the U-2 is shot down (1 May 1960)", "the Paris summit (16 May 1960)"),
    cites=("frus1958v10p2d27", "frus1960u2note"),
    models=(
        M(1, "On 1 May 1960 a U-2 was shot down. Then the Paris summit happened and it failed.",
          "Only the two given points, described but not linked."),
        M(2, "On 1 May 1960 an American U-2 spy plane was shot down over the Soviet Union. The USA said it was a weather plane. "
             "Then Khrushchev showed the pilot was alive, so the Americans had to admit the truth. "
             "At the Paris summit on 16 May Khrushchev demanded an apology and the summit failed.",
          "In order, with own knowledge and one link (the cover story collapsed because the pilot was alive); the other links are not analysed."),
        M(3, "The affair began on 1 May 1960, when a U-2 flown by Francis Gary Powers was shot down near Sverdlovsk. "
             "Believing the pilot dead, NASA and the State Department put out a cover story that a weather-research plane had gone missing.\n\n"
             "Khrushchev let them repeat it. On 5 May he told the Supreme Soviet only that a plane had been shot down, "
             "and on 7 May he revealed that the pilot was alive and the film recovered, which forced the State Department to admit that the flight was probably gathering intelligence.\n\n"
             "The admission made things worse, because on 11 May Eisenhower defended the flights as necessary. "
             "Khrushchev could not now meet him as if nothing had happened.\n\n"
             "So when the leaders reached Paris, Khrushchev demanded on 16 May that Eisenhower condemn the flights and apologise. "
             "Eisenhower refused, and the summit broke down after one session, ending the thaw that had begun at Camp David.",
          "A connected chain from the shoot-down to the summit's failure, each step explained, with precise knowledge beyond the given points."),
    ),
))

register_exam(Q(
    "summits-and-u2-exam-how-far", "summits-and-u2", "aqa-how-far",
    "'The U-2 incident was the main reason why the Paris summit of May 1960 failed.' How far do you agree with this statement? Explain your answer.",
    cites=("frus1958v10p2d27", "frus1958v09grewe"),
    models=(
        M(2, "I agree, because Khrushchev demanded an apology for the U-2 flight and Eisenhower refused, so the summit ended after one session.",
          "One reason is explained with some knowledge; no other side and no judgement."),
        M(3, "The U-2 was the immediate reason. After the plane was shot down on 1 May 1960 and the American cover story collapsed, "
             "Khrushchev demanded at Paris on 16 May that Eisenhower condemn the flights and apologise, and the summit broke down after one session.\n\n"
             "But there were deeper problems. The two sides were far apart on Berlin and Germany: the Geneva conference of 1959 had ended without agreement, "
             "and Khrushchev was under pressure at home and from China not to give way to the West.",
          "Reasons for and against, supported; but it does not weigh them to reach a judgement."),
        M(4, "I agree that the U-2 was the trigger, but not that it was the main reason: the summit was unlikely to succeed anyway, and the U-2 gave Khrushchev a reason to end it on his own terms.\n\n"
             "The U-2 clearly caused the breakdown. Once Khrushchev had shown on 7 May that the pilot was alive and Eisenhower had defended the flights, "
             "Khrushchev demanded an apology as the price of talks, and the summit broke down after one session on 16 May.\n\n"
             "But the issues that the summit was meant to settle were far from agreement. "
             "At Geneva in 1959 the foreign ministers had failed to agree on Berlin, and at Camp David Khrushchev had only agreed to drop his deadline, not his demands. "
             "The Western powers were united against a free city, and Khrushchev faced critics at home and in China who thought he was too soft on the West. "
             "A summit that reached no deal on Berlin would have embarrassed him.\n\n"
             "So the U-2 explains how and when the summit failed, while the deadlock over Berlin explains why there was little to lose by walking out. "
             "The incident was the main cause of the breakdown on the day, but the deeper reason was that neither side would move on Germany.",
          "A clear, justified judgement that separates the trigger from the deeper causes and weighs them, with precise knowledge."),
    ),
))

# --- cuba ------------------------------------------------------------------------------------

register_exam(Q(
    "cuba-exam-revolution-consequences", "cuba", "edexcel-consequences",
    "Explain two consequences of the Cuban Revolution (1959) for relations between the USA and the Soviet Union.",
    cites=("eisenhower1960sugar", "eisenhower1961cuba"),
    models=(
        M(1, "Castro took over Cuba in 1959. The USA did not like him.",
          "A result is named, but it is not explained and it says nothing about the USSR."),
        M(2, "One consequence was that Cuba and the USA fell out: the USA cut the Cuban sugar quota in July 1960. "
             "Another consequence was that Cuba became friends with the Soviet Union.",
          "Two consequences with a little support; neither explains how the revolution led to it, or what it meant for the superpowers."),
        M(3, "One consequence was a break between Cuba and the USA that pushed Cuba towards Moscow. "
             "Castro's government, in power from January 1959, took over American-owned property, and the USA answered by cutting Cuba's sugar quota in July 1960, "
             "banning most exports to Cuba in October and breaking off relations in January 1961. "
             "Each step made Cuba more dependent on the Soviet Union, which bought its sugar and sold it oil.\n\n"
             "A second consequence was that the Cold War now had a front line ninety miles from Florida. "
             "For the Soviet Union, a communist-leaning Cuba was a chance to win an ally in the Americas; for the USA, it was a threat it tried to remove, first at the Bay of Pigs in April 1961. "
             "That is why Cuba became the place where the superpowers came closest to war in October 1962.",
          "Two distinct consequences for superpower relations, each explained and supported with precise knowledge."),
    ),
))

register_exam(Q(
    "cuba-exam-account", "cuba", "aqa-account",
    "Write an account of how relations between the USA and Cuba broke down between 1959 and 1961.",
    cites=("eisenhower1960sugar", "statutes1960proclamation3383", "eisenhower1961cuba"),
    models=(
        M(2, "Castro came to power in 1959. The USA did not like his policies and broke off relations in 1961.",
          "One link is made, but the account has almost no events and no explanation."),
        M(3, "Castro came to power when Batista fled on 1 January 1959. His government took over land and businesses, many of them American.\n\n"
             "In July 1960 Eisenhower cut Cuba's sugar quota, and in October the USA banned most exports to Cuba. "
             "On 3 January 1961 the USA broke off diplomatic relations.",
          "A sequence of events with specific dates, linked to the breakdown; the reasons for each step are not fully explained."),
        M(4, "The breakdown began with Castro's victory on 1 January 1959. His reforms took land and businesses from their owners, many of them American, "
             "and he turned to the Soviet Union for trade and support, which in Washington marked him as a threat.\n\n"
             "Each side then answered the other. When Cuba's refineries, owned by American and British companies, refused to process Soviet oil, Castro took them over. "
             "Eisenhower replied on 6 July 1960 by cutting Cuba's sugar quota, a blow to the island's main export, and Moscow stepped in to buy the sugar.\n\n"
             "The quarrel then spread to the whole of trade. Cuba nationalised more American property, and on 19 October 1960 the USA banned all exports to Cuba except food and medicines.\n\n"
             "By the end of 1960 each step had pushed Cuba closer to the Soviet Union. When Castro ordered the American embassy to cut its staff, Eisenhower broke off diplomatic relations on 3 January 1961. "
             "Plans for an invasion by Cuban exiles were already under way, and they led to the Bay of Pigs in April 1961.",
          "A well-organised account of a chain of actions and reactions, each step explained with precise knowledge."),
    ),
))

register_exam(Q(
    "cuba-exam-bay-of-pigs-importance", "cuba", "edexcel-importance",
    "Explain the importance of the Bay of Pigs invasion (April 1961) for relations between the USA and the Soviet Union.",
    cites=("kennedy1961editors",),
    models=(
        M(1, "The Bay of Pigs was an invasion of Cuba by exiles trained by the CIA in April 1961. It failed.",
          "It describes the event but not why it mattered for relations."),
        M(2, "The Bay of Pigs was important because it failed and made Kennedy look weak. Khrushchev thought he could push Kennedy around.",
          "One way it mattered is explained; it needs precise support and a second developed point."),
        M(3, "The Bay of Pigs mattered first because it drove Cuba into the Soviet camp. The landing of CIA-trained exiles on 17 April 1961 collapsed within three days, "
             "and Castro and the Soviet leaders were convinced that the USA would try again, this time with its own forces. "
             "Cuba asked Moscow for protection, and this was one of the reasons Khrushchev gave for sending missiles in 1962.\n\n"
             "Second, it weakened Kennedy's position against Khrushchev. Only seven weeks later, at Vienna in June 1961, Kennedy met a Soviet leader who had seen him fail, "
             "and many historians think Khrushchev judged him inexperienced and pressed harder over Berlin. "
             "So a small failed landing led both to the Soviet commitment to Cuba and to the tough bargaining that ended in the missile crisis.",
          "Two developed ways the invasion mattered *for superpower relations*, each with precise knowledge and tied to the question."),
    ),
))

# --- missile-crisis --------------------------------------------------------------------------

register_exam(Q(
    "missile-crisis-exam-how-do-you-know", "missile-crisis", "aqa-how-do-you-know",
    "Study the source 'Khrushchev's letter to Kennedy, 26 October 1962'. The source shows that Khrushchev wanted to avoid a nuclear war. How do you know? Explain your answer using the source and your contextual knowledge.",
    sources=("the source 'Khrushchev's letter to Kennedy, 26 October 1962'",),
    cites=("frus1961v06d65",),
    models=(
        M(1, "It shows he wanted to avoid war because he offers a deal instead of a threat.",
          "A point from the content, but without the provenance or knowledge of the time."),
        M(2, "In the letter Khrushchev asks both leaders to show 'statesmanlike wisdom' and offers a way out: Soviet ships would carry no arms to Cuba if the USA promised not to invade. "
             "It was a private letter sent to Kennedy on 26 October, at the height of the crisis, when the quarantine was in force and US forces were on high alert, "
             "so he was writing to the one man who could stop the slide to war, not to impress the public.",
          "Content and provenance are explained together with knowledge of the situation at the time."),
        M(2, "The letter offers to remove the danger if the USA promises not to invade Cuba. "
             "Khrushchev sent it privately on 26 October 1962 after Kennedy had announced the quarantine, "
             "and the next day he made a tougher public offer, which shows the private letter was a genuine attempt to find a way out.",
          "Another Level 2 answer: it uses the content, the provenance and the context in a different way."),
    ),
))

register_exam(Q(
    "missile-crisis-exam-narrative", "missile-crisis", "edexcel-narrative",
    "Write a narrative account analysing the key events of the Cuban Missile Crisis, 14–28 October 1962.",
    given=("the U-2 photographs of the missile sites (14 October)", "the quarantine (22–24 October)"),
    cites=("nara1962sancristobal", "frus1961v06d68", "hershberg1995anatomy"),
    models=(
        M(1, "A U-2 photographed missiles in Cuba. Kennedy started a quarantine. Then Khrushchev took the missiles away.",
          "Events are described, but only the given points, with no explanation of links."),
        M(2, "On 14 October 1962 a U-2 photographed Soviet missile sites in Cuba. Kennedy and his advisers discussed what to do for a week.\n\n"
             "On 22 October Kennedy announced a quarantine of Cuba, and it came into force on 24 October. "
             "On 28 October Khrushchev agreed to remove the missiles.",
          "In order, with some own knowledge; but the links between the steps are not analysed."),
        M(3, "The crisis began when a U-2 photographed missile sites near San Cristóbal on 14 October 1962. "
             "Kennedy saw the photographs on 16 October and met his advisers in secret; because an air strike might not destroy every missile and could kill Soviet troops, they chose a naval quarantine.\n\n"
             "Kennedy announced the quarantine on 22 October and it came into force on 24 October, while US forces went on to DEFCON 2. "
             "This put pressure on Khrushchev without firing a shot, and Soviet ships bound for Cuba turned back.\n\n"
             "The pressure produced offers. On 26 October Khrushchev's private letter linked the missiles to an American promise not to invade Cuba; "
             "on 27 October a second letter demanded that American missiles leave Turkey too, and a U-2 was shot down over Cuba, so the danger peaked.\n\n"
             "That evening Kennedy publicly accepted the first letter's terms, while Robert Kennedy privately assured Ambassador Dobrynin that the Jupiters would leave Turkey. "
             "On 28 October Moscow radio broadcast Khrushchev's order to dismantle the missiles.",
          "A connected chain from discovery to settlement, each step explained with precise knowledge beyond the given points."),
    ),
))

register_exam(Q(
    "missile-crisis-exam-how-far", "missile-crisis", "aqa-how-far",
    "'The Cuban Missile Crisis was ended by Kennedy's firmness.' How far do you agree with this statement? Explain your answer.",
    cites=("frus1961v06d68", "hershberg1995anatomy"),
    models=(
        M(2, "I agree, because Kennedy stood firm with the quarantine and Khrushchev backed down and removed the missiles on 28 October.",
          "One reason is explained with some knowledge; no other side and no judgement."),
        M(3, "Kennedy was firm. He ordered a quarantine from 24 October 1962, put US forces on high alert, and would not accept the missiles staying in Cuba, and on 28 October Khrushchev agreed to remove them.\n\n"
             "But the crisis also ended through a compromise. Kennedy promised publicly not to invade Cuba if the missiles went, "
             "and his brother secretly told the Soviet ambassador that the American Jupiter missiles would leave Turkey.",
          "Both sides are explained with specific knowledge, but there is no judgement on which mattered more."),
        M(4, "I agree only in part: Kennedy's firmness forced the crisis towards an end, but it was a compromise, half of it secret, that actually ended it.\n\n"
             "Firmness mattered. The quarantine from 24 October and the high alert of US forces showed Khrushchev that the USA would not accept the missiles, "
             "and Soviet ships bound for Cuba turned back. Without this pressure, Khrushchev had little reason to offer terms.\n\n"
             "But firmness alone nearly led to war. On 27 October a U-2 was shot down over Cuba and Khrushchev's second letter raised his price, "
             "and many of Kennedy's advisers wanted air strikes. Kennedy chose instead to bargain: he publicly accepted the first letter's offer (the missiles out, a promise not to invade Cuba), "
             "and that evening Robert Kennedy privately assured Dobrynin that the Jupiter missiles would leave Turkey. "
             "Khrushchev's own fear of nuclear war mattered too: he accepted without waiting for more.\n\n"
             "So the crisis ended because firmness was combined with concessions and with both leaders' wish to avoid war. "
             "The secret Jupiter deal, unknown at the time, is why the ending looked like a victory for firmness alone.",
          "A justified judgement that weighs firmness against compromise and explains why the secret deal changes the picture, with precise knowledge."),
    ),
))

# --- aftermath -------------------------------------------------------------------------------

register_exam(Q(
    "aftermath-exam-consequences", "aftermath", "edexcel-consequences",
    "Explain two consequences of the Cuban Missile Crisis for relations between the USA and the Soviet Union.",
    cites=("frus1961v05d333", "state1963hotline", "nara1963testban"),
    models=(
        M(1, "After the crisis relations got better. There was a hotline.",
          "A result is named but not explained or supported."),
        M(2, "One consequence was the hotline, set up in 1963 so that the leaders could contact each other quickly. "
             "Another consequence was the Limited Test Ban Treaty of 1963.",
          "Two consequences with some knowledge; neither explains how the crisis led to it."),
        M(3, "One consequence was the hotline. During the crisis, letters between Kennedy and Khrushchev had taken hours to arrive and translate, "
             "so on 20 June 1963 the two governments agreed a direct link between Washington and Moscow. "
             "It was a teleprinter link, not a red telephone, and it showed that both sides now wanted to prevent a crisis from running out of control.\n\n"
             "A second consequence was the Limited Test Ban Treaty, signed in Moscow on 5 August 1963, which banned nuclear tests in the air, in space and under water. "
             "Having come so close to nuclear war, both leaders wanted a first step in controlling the arms race, "
             "although underground tests went on and the race itself continued.",
          "Two distinct consequences, each explained from the crisis to its result and supported by precise knowledge."),
    ),
))

register_exam(Q(
    "aftermath-exam-how-far", "aftermath", "aqa-how-far",
    "'Both sides won the Cuban Missile Crisis.' How far do you agree with this statement? Explain your answer.",
    cites=("hershberg1995anatomy", "mcnamara1963jupiternote"),
    models=(
        M(2, "I agree, because the USA got the missiles out of Cuba and the USSR got a promise that the USA would not invade Cuba.",
          "One argument is explained with some knowledge; no other side and no judgement."),
        M(3, "Each side gained something. The Soviet missiles left Cuba, which was what Kennedy wanted. "
             "Khrushchev gained a public American promise not to invade Cuba, provided the missiles left, and a secret promise that the Jupiter missiles would leave Turkey, which happened in April 1963.\n\n"
             "But it did not look like that at the time. Because the Jupiter deal was secret, the world saw a Soviet retreat, "
             "and Khrushchev's colleagues later held the crisis against him when they removed him in 1964.",
          "Both sides are argued with precise knowledge; there is no judgement on how far each 'won'."),
        M(4, "I agree only in part: both sides gained something real, but the USA gained more of what it wanted, and the secrecy of the Soviet gain meant that Khrushchev lost in public.\n\n"
             "The USA achieved its main aim: the Soviet missiles and, later, the Il-28 bombers left Cuba, and the strategic balance stayed in its favour. "
             "The price was a promise not to invade Cuba, and that promise was conditional on inspection, which Castro refused, so it was never formalised.\n\n"
             "The Soviet Union gained the Jupiters. The last Jupiter in Turkey came down on 24 April 1963, "
             "but Robert Kennedy insisted that this stay secret, so Khrushchev could not claim it as a gain.\n\n"
             "That is why the outcome looked one-sided. Historians who saw only the public record spoke of an American victory; "
             "only when the Jupiter deal became known did the verdict of a compromise gain ground. "
             "Cuba, which was not consulted, gained little security, and American covert action against Castro went on. "
             "So the fairest judgement is that both superpowers gained, the USA more, and the world gained most by avoiding a war.",
          "A sustained judgement that weighs what each side gained and lost, shows how the secret deal changed the verdict, and uses precise knowledge."),
    ),
))

register_exam(Q(
    "aftermath-exam-test-ban-importance", "aftermath", "edexcel-importance",
    "Explain the importance of the Limited Test Ban Treaty (1963) for relations between the USA and the Soviet Union.",
    cites=("nara1963testban", "kennedy1963american"),
    models=(
        M(1, "The Test Ban Treaty was signed in 1963. It stopped some nuclear tests.",
          "It describes the treaty but does not explain why it mattered for relations."),
        M(2, "The treaty was important because it was the first agreement to limit nuclear weapons. "
             "It showed that after the Cuban crisis both sides were willing to cooperate.",
          "One way the treaty mattered is explained; it needs precise support and a second developed point."),
        M(3, "The treaty mattered first because it turned the fright of October 1962 into an agreement. "
             "After Kennedy's American University speech of 10 June 1963 called for peace, the text was agreed in Moscow in July and signed on 5 August 1963, "
             "banning tests in the air, in space and under water. It was the first time the superpowers had signed a treaty to limit nuclear weapons, "
             "and it showed that they could negotiate on the arms race.\n\n"
             "Second, it had clear limits, which also shaped relations. Underground tests were still allowed, so both sides went on building weapons, "
             "and France and China did not sign. The treaty began a pattern of partial agreements that managed the rivalry rather than ending it.",
          "Two developed points about the treaty's importance *for relations*, with precise knowledge and tied to the question."),
    ),
))
