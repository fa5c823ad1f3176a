<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Activations</name>
    <message>
        <location filename="../../gui/panels/architecture.py" line="29"/>
        <source>identity</source>
        <translation>항등</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="29"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="30"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="30"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="31"/>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="32"/>
        <source>softmax</source>
        <translation>소프트맥스</translation>
    </message>
</context>
<context>
    <name>ArchitecturePanel</name>
    <message>
        <location filename="../../gui/panels/architecture.py" line="49"/>
        <source>+ hidden layer</source>
        <translation>+ 은닉층</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="50"/>
        <source>− hidden layer</source>
        <translation>− 은닉층</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="67"/>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="102"/>
        <source>At most %1 layers</source>
        <translation>층은 최대 %1개입니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="111"/>
        <source>The output layer cannot be removed</source>
        <translation>출력층은 지울 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="122"/>
        <source>%1 needs a %2 output layer: the output now uses %2</source>
        <translation>%1에는 %2 출력층이 필요합니다: 출력층을 %2(으)로 바꿨습니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="136"/>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="136"/>
        <source>size</source>
        <translation>뉴런 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="136"/>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="136"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="142"/>
        <source>inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="151"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="151"/>
        <source>per neuron</source>
        <translation>뉴런마다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="151"/>
        <source>shared</source>
        <translation>층 공유</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="165"/>
        <source>New weights: uniform in ±1/√n_in (n_in = inputs of the layer), seed %1; new biases 0. Weights that still fit are kept.</source>
        <translation>새 가중치: ±1/√n_in 범위의 균등분포(n_in = 그 층의 입력 수), 시드 %1; 새 편향은 0. 자리가 남아 있는 가중치는 그대로 둡니다.</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <location filename="../../gui/panels/boundary.py" line="71"/>
        <source>Output shown:</source>
        <translation>표시할 출력:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="76"/>
        <source>Click the plot to add a point of this class; drag a point to move it; right-click (or Ctrl+click) a point to delete it</source>
        <translation>그림을 클릭하면 이 클래스의 점을 추가합니다. 점을 끌면 옮기고, 점을 오른쪽 클릭(또는 Ctrl+클릭)하면 지웁니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="78"/>
        <source>New point:</source>
        <translation>새 점:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="80"/>
        <source>input 1</source>
        <translation>입력 1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="81"/>
        <source>input 2</source>
        <translation>입력 2</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="90"/>
        <source>hidden neurons</source>
        <translation>은닉 뉴런</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="127"/>
        <source>The decision boundary is drawn over the plane of two inputs; this network has %1 inputs. Give it two inputs (Architecture) to see it.</source>
        <translation>결정 경계는 두 입력이 이루는 평면 위에 그립니다. 이 신경망의 입력은 %1개입니다. 보려면 입력을 두 개로 하세요(구조).</translation>
    </message>
    <message>
        <location filename="../../gui/panels/boundary.py" line="149"/>
        <source>class %1 (y = %2)</source>
        <translation>클래스 %1 (y = %2)</translation>
    </message>
</context>
<context>
    <name>ChainRule</name>
    <message>
        <location filename="../../gui/panels/chain.py" line="69"/>
        <source>one term per sample; choose one sample to see its factors</source>
        <translation>샘플마다 한 항; 샘플 하나를 고르면 각 인수가 보입니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chain.py" line="85"/>
        <source>chain rule</source>
        <translation>연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chain.py" line="100"/>
        <source>net input</source>
        <translation>가중합</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chain.py" line="101"/>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../gui/panels/chain.py" line="104"/>
        <source>loss term</source>
        <translation>손실 항</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../core/cli/export.py" line="22"/>
        <source>-o: cannot write %1: %2</source>
        <translation>-o: %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../core/cli/export.py" line="24"/>
        <source>%1 script written to %2; run it with `python %2`</source>
        <translation>%1 스크립트를 %2에 썼습니다. `python %2`로 실행하세요</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="34"/>
        <source>%1: %2 (see %3 --help)</source>
        <translation>%1: %2 (%3 --help 참고)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="41"/>
        <location filename="../../core/cli/parser.py" line="225"/>
        <source>not a whole number: %1</source>
        <translation>정수가 아닙니다: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="44"/>
        <source>must be at least 1, got %1</source>
        <translation>1 이상이어야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="52"/>
        <source>must be a finite number: %1</source>
        <translation>유한한 숫자여야 합니다: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="64"/>
        <source>must be a whole number from 0 to %1, got %2</source>
        <translation>0부터 %1까지의 정수여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="72"/>
        <source>at most 17 digits (a float64 holds no more)</source>
        <translation>최대 17자리 (float64는 그 이상을 담지 못합니다)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="77"/>
        <source>a preset name (see `presets`) or a .json file</source>
        <translation>프리셋 이름(`presets` 참고) 또는 .json 파일</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="81"/>
        <source>the language of what it prints (default: the locale&apos;s, from LC_ALL or LANG)</source>
        <translation>출력 언어 (기본값: LC_ALL 또는 LANG의 로캘 언어)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="87"/>
        <source>which sample, from 1 (default 1)</source>
        <translation>몇 번째 샘플인지, 1부터 (기본값 1)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="91"/>
        <source>Backprop Lab: see every number of backpropagation.</source>
        <translation>Backprop Lab: 역전파의 모든 숫자를 봅니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="92"/>
        <source>Without a subcommand, `%1 [--lang ko|en] [--screenshot PATH] [NET]` is `%1 open ...`: it opens the window on NET (seed 004 unless given), or renders it to a picture.</source>
        <translation>하위 명령이 없으면 `%1 [--lang ko|en] [--screenshot PATH] [NET]`은 `%1 open ...`과 같습니다: NET(주지 않으면 시드 004)으로 창을 열거나 그림으로 그립니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="97"/>
        <source>open the window (the default)</source>
        <translation>창 열기 (기본값)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="98"/>
        <source>Open the window on NET, or render it offscreen to a PNG with --screenshot.</source>
        <translation>NET으로 창을 열거나, --screenshot으로 화면 밖에서 PNG로 그립니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="101"/>
        <source>a preset name or a .json file (default: seed004)</source>
        <translation>프리셋 이름 또는 .json 파일 (기본값: seed004)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="103"/>
        <source>render the window offscreen to this PNG and quit</source>
        <translation>창을 화면 밖에서 이 PNG로 그리고 끝내기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="104"/>
        <source>the window&apos;s language (default: the saved choice)</source>
        <translation>창의 언어 (기본값: 저장된 선택)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="105"/>
        <source>list the presets</source>
        <translation>프리셋 목록 보기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="115"/>
        <source>forward values, loss, every δ and every dE/dparam with its chain rule</source>
        <translation>순전파 값, 손실, 모든 δ와 모든 dE/d매개변수를 연쇄 법칙과 함께</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="117"/>
        <source>Print the forward pass, the loss, every δ and every parameter&apos;s gradient with its chain-rule factors, for one sample of NET.</source>
        <translation>NET의 샘플 하나에 대해 순전파, 손실, 모든 δ, 모든 매개변수의 기울기를 연쇄 법칙의 인수와 함께 출력합니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="122"/>
        <source>only this parameter (e.g. U11), its derivation in full</source>
        <translation>이 매개변수(예: U11)만, 미분 풀이 전체</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="125"/>
        <source>decimals shown (default 8)</source>
        <translation>보일 소수 자릿수 (기본값 8)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="130"/>
        <source>train headless and write the trace</source>
        <translation>창 없이 학습하고 기록 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="131"/>
        <source>Train NET with SGD, print the final loss, optionally write the trace as CSV.</source>
        <translation>NET을 SGD로 학습하고 최종 손실을 출력하며, 원하면 기록을 CSV로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="136"/>
        <source>learning rate (default: the project&apos;s)</source>
        <translation>학습률 (기본값: 프로젝트의 값)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="138"/>
        <source>momentum in %1 (default: the project&apos;s)</source>
        <translation>%1 범위의 모멘텀 (기본값: 프로젝트의 값)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="141"/>
        <source>update mode (default: the project&apos;s)</source>
        <translation>업데이트 방식 (기본값: 프로젝트의 값)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="142"/>
        <source>mini-batch size</source>
        <translation>미니배치 크기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="144"/>
        <source>train on this CSV data set instead of the project&apos;s (last column the target, unless --targets names others)</source>
        <translation>프로젝트의 데이터 대신 이 CSV 데이터 세트로 학습 (--targets로 다른 열을 정하지 않으면 마지막 열이 목표값)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="147"/>
        <source>the target columns of --data, comma-separated names</source>
        <translation>--data의 목표값 열, 쉼표로 구분한 이름</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="149"/>
        <source>hold out P %% of the samples (0 to %1, seeded by the project&apos;s seed) as test samples, never trained on: their loss is printed beside the training loss (default: the project&apos;s own split, if it has one)</source>
        <translation>샘플의 P %%를 (0에서 %1까지, 프로젝트의 시드로) 테스트 샘플로 따로 두고 학습에 쓰지 않습니다: 그 손실을 학습 손실 옆에 출력합니다 (기본값: 프로젝트에 나누기가 있으면 그것)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="154"/>
        <source>write the trace to this CSV file: the start and the state after each step (N + 1 rows), with every value and gradient</source>
        <translation>기록을 이 CSV 파일에 쓰기: 시작 상태와 단계마다의 상태(N + 1행), 모든 값과 기울기 포함</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="157"/>
        <source>write the same table to this Parquet file</source>
        <translation>같은 표를 이 Parquet 파일에 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="159"/>
        <source>name the table&apos;s columns in the network&apos;s notation (x1, h1, o1, W11, U11, …) instead of the key names (a0[1], W1[1,1], …)</source>
        <translation>표의 열 이름을 키 이름(a0[1], W1[1,1], …) 대신 신경망의 표기(x1, h1, o1, W11, U11, …)로 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="165"/>
        <source>write the network, data and optimizer as a NumPy or PyTorch script</source>
        <translation>신경망, 데이터, 최적화 방법을 NumPy 또는 PyTorch 스크립트로 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="167"/>
        <source>Write NET, its data set and its optimizer as a short standalone script that trains as the app does and prints the same loss for every step.</source>
        <translation>NET과 그 데이터 세트, 최적화 방법을 앱과 똑같이 학습하고 단계마다 같은 손실을 출력하는 짧은 독립 스크립트로 씁니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="172"/>
        <source>the script&apos;s library</source>
        <translation>스크립트의 라이브러리</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="174"/>
        <source>the script to write</source>
        <translation>쓸 스크립트</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="176"/>
        <source>steps the script takes unless given another number when run (default 100)</source>
        <translation>실행할 때 다른 수를 주지 않으면 스크립트가 밟을 단계 수 (기본값 100)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="182"/>
        <source>train K copies at learning rates on a log grid, print a table</source>
        <translation>로그 격자의 학습률로 K개 사본을 학습하고 표로 출력</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="184"/>
        <source>Train K copies of NET at once, each with its own learning rate on a log grid from A to B, and print each copy&apos;s final loss (or the step it diverged at).</source>
        <translation>NET의 사본 K개를 A부터 B까지 로그 격자 위의 저마다의 학습률로 한꺼번에 학습하고, 사본마다 최종 손실(또는 발산한 단계)을 출력합니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="189"/>
        <source>the lowest and highest rate, e.g. 1e-3:10</source>
        <translation>가장 낮은 학습률과 가장 높은 학습률, 예: 1e-3:10</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="191"/>
        <source>how many copies (default 20)</source>
        <translation>사본 수 (기본값 20)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="194"/>
        <source>at most this many rows of the table (evenly spaced; default 40)</source>
        <translation>표의 최대 행 수 (고르게 띄워서; 기본값 40)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="200"/>
        <source>write a printable worksheet (PDF) with blanks and an answer key</source>
        <translation>빈칸과 정답지가 있는 인쇄용 학습지(PDF) 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="202"/>
        <source>Write a worksheet for NET as a PDF: the diagram, the given numbers and blanks for quantities chosen as the exercises choose them, then the answer key (on its own pages, or in the file --answers names).</source>
        <translation>NET의 학습지를 PDF로 씁니다: 다이어그램, 주어진 숫자, 문제처럼 고른 값들의 빈칸, 그리고 정답지(별도 페이지, 또는 --answers로 정한 파일).</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="208"/>
        <source>the worksheet to write</source>
        <translation>쓸 학습지</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="210"/>
        <source>write the answer key to this file instead</source>
        <translation>정답지는 이 파일에 따로 쓰기</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="211"/>
        <source>the worksheet&apos;s language (default: the locale&apos;s)</source>
        <translation>학습지의 언어 (기본값: 로캘의 언어)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="213"/>
        <source>how many blanks, 1 to %1 (default %2)</source>
        <translation>빈칸 수, 1부터 %1까지 (기본값 %2)</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="216"/>
        <source>0 spreads the blanks evenly over the exercises (the default); another seed draws them</source>
        <translation>0이면 빈칸을 문제 전체에 고르게 나눕니다(기본값). 다른 시드는 무작위로 뽑습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="228"/>
        <source>must be at least 0, got %1</source>
        <translation>0 이상이어야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="236"/>
        <source>at most %1, got %2</source>
        <translation>최대 %1입니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="244"/>
        <source>expected A:B (two learning rates), got %1</source>
        <translation>A:B(학습률 두 개)가 필요합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/parser.py" line="248"/>
        <source>need 0 &lt; A ≤ B, got %1</source>
        <translation>0 &lt; A ≤ B여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/presets.py" line="34"/>
        <source>a preset cannot be read: %1</source>
        <translation>프리셋을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/presets.py" line="38"/>
        <source>%1 presets. Open one with `%2 NAME`, explain it with `%2 explain NAME`.</source>
        <translation>프리셋 %1개. `%2 NAME`으로 열고, `%2 explain NAME`으로 풀이를 봅니다.</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="21"/>
        <source>--copies: at most %1, got %2</source>
        <translation>--copies: 최대 %1입니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="23"/>
        <source>--steps: %1 copies × %2 steps of a %3-parameter network is too much work for one run; take fewer copies or steps</source>
        <translation>--steps: 매개변수 %3개인 신경망의 사본 %1개 × %2단계는 한 번에 하기에 너무 많습니다. 사본이나 단계를 줄이세요</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="36"/>
        <source>swept %1 copies × %2 steps (%3, %4) in %5 s (%6 net-steps/s)</source>
        <translation>사본 %1개 × %2단계 (%3, %4)를 %5초에 학습 (초당 %6 신경망-단계)</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="44"/>
        <source>at step %1</source>
        <translation>%1단계에서</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="45"/>
        <source>lowest</source>
        <translation>최저</translation>
    </message>
    <message>
        <location filename="../../core/cli/sweep.py" line="49"/>
        <source>%1 of %2 diverged; lowest final loss %3 at learning rate %4</source>
        <translation>%2개 중 %1개 발산. 최저 최종 손실 %3, 학습률 %4</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="57"/>
        <source>%1 (try a smaller --lr)</source>
        <translation>%1 (더 작은 --lr로 해 보세요)</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="60"/>
        <source>interrupted after %1 steps; nothing written</source>
        <translation>%1단계 뒤에 중단되었습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="64"/>
        <source>%1 steps/s</source>
        <translation>초당 %1단계</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="65"/>
        <source>instant</source>
        <translation>즉시</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="67"/>
        <source>trained %1 steps (%2, lr %3, momentum %4) in %5 s (%6)</source>
        <translation>%1단계 학습 (%2, 학습률 %3, 모멘텀 %4), %5초 (%6)</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="69"/>
        <source>loss over the %1 sample: %2 before, %3 after</source>
        <translation>샘플 %1개의 손실: 전 %2, 후 %3</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="70"/>
        <source>loss over the %1 samples: %2 before, %3 after</source>
        <translation>샘플 %1개의 손실: 전 %2, 후 %3</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="73"/>
        <source>final loss: %1</source>
        <translation>최종 손실: %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="75"/>
        <source>test loss over the %1 held-out sample: %2 before, %3 after</source>
        <translation>따로 둔 테스트 샘플 %1개의 테스트 손실: 전 %2, 후 %3</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="76"/>
        <source>test loss over the %1 held-out samples: %2 before, %3 after</source>
        <translation>따로 둔 테스트 샘플 %1개의 테스트 손실: 전 %2, 후 %3</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="79"/>
        <source>final loss: %1 (training), %2 (test)</source>
        <translation>최종 손실: %1 (학습), %2 (테스트)</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="102"/>
        <source>--test-percent: %1 % of %2 samples holds out none; a split needs at least one test sample and one to train on</source>
        <translation>--test-percent: 샘플 %2개의 %1 %로는 따로 둘 샘플이 없습니다. 나누려면 테스트 샘플과 학습 샘플이 하나 이상씩 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="121"/>
        <source>%1: cannot write %2: %3</source>
        <translation>%1: %2에 쓸 수 없습니다: %3</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="126"/>
        <source>rows written</source>
        <translation>행 씀</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="133"/>
        <source>interrupted while writing %1; nothing written</source>
        <translation>%1을(를) 쓰는 중에 중단되었습니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="136"/>
        <source>trace: %1 rows written to %2 (the state after each of the %3 steps and the start)</source>
        <translation>기록: %1행을 %2에 썼습니다 (시작 상태와 %3단계 각각의 뒤 상태)</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="170"/>
        <source>sample %1: </source>
        <translation>샘플 %1: </translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="171"/>
        <source>--data: %1: %2%3 would be %4: every value of the forward and backward pass must be finite</source>
        <translation>--data: %1: %2%3이(가) %4이(가) 됩니다: 순전파와 역전파의 모든 값은 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="179"/>
        <source>%1: %2 is a folder, not a file name</source>
        <translation>%1: %2은(는) 파일 이름이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="186"/>
        <source>%1: the folder %2 does not exist</source>
        <translation>%1: 폴더 %2이(가) 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="188"/>
        <source>%1: the folder %2 is not writable</source>
        <translation>%1: 폴더 %2에 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="195"/>
        <source>steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../core/cli/train.py" line="150"/>
        <source>--data: %1 has %2 input and %3 target columns; the network takes %4 inputs and gives %5 outputs</source>
        <translation>--data: %1에는 입력 열 %2개와 목표값 열 %3개가 있습니다. 신경망은 입력 %4개를 받아 출력 %5개를 냅니다</translation>
    </message>
    <message>
        <location filename="../../core/numerics/budget.py" line="44"/>
        <source>%1 steps would need a %2 GB history in memory (at most %3 GB); train fewer steps</source>
        <translation>%1단계에는 메모리에 %2 GB의 기록이 필요합니다 (최대 %3 GB). 단계를 줄이세요</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/commands.py" line="35"/>
        <source>%n step(s)</source>
        <translation>%n단계</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="40"/>
        <source>Training diverged at step %1: %2 would become infinite or NaN. Paused at the last finite state; lower the learning rate, or Undo.</source>
        <translation>%1단계에서 학습이 발산했습니다: %2이(가) 무한대 또는 NaN이 됩니다. 마지막 유한한 상태에서 멈췄습니다. 학습률을 낮추거나 실행 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="102"/>
        <location filename="../../gui/commands.py" line="216"/>
        <source>Set %1 = %2</source>
        <translation>%1 = %2로 설정</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="131"/>
        <source>Set %1 of sample %2 = %3</source>
        <translation>샘플 %2의 %1 = %3으로 설정</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="111"/>
        <source>%1 = %2 would make %3 infinite or NaN; the value was not changed</source>
        <translation>%1 = %2이면 %3이(가) 무한대나 NaN이 됩니다. 값을 바꾸지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="43"/>
        <source>Training diverged at step %1: %2 of sample %3 would become infinite or NaN. Paused at the last finite state; lower the learning rate, or Undo.</source>
        <translation>%1단계에서 학습이 발산했습니다: 샘플 %3의 %2이(가) 무한대 또는 NaN이 됩니다. 마지막 유한한 상태에서 멈췄습니다. 학습률을 낮추거나 실행 취소하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="51"/>
        <source>%1 would make %2 infinite or NaN; nothing was changed</source>
        <translation>%1: %2이(가) 무한대나 NaN이 되므로 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="53"/>
        <source>%1 would make %2 of sample %3 infinite or NaN; nothing was changed</source>
        <translation>%1: 샘플 %3의 %2이(가) 무한대나 NaN이 되므로 아무것도 바꾸지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="140"/>
        <source>%1 would make %2 infinite or NaN; the value was not changed</source>
        <translation>%1이면 %2이(가) 무한대나 NaN이 됩니다. 값을 바꾸지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="200"/>
        <source>Freeze %1</source>
        <translation>%1 고정</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="200"/>
        <source>Unfreeze %1</source>
        <translation>%1 고정 해제</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="278"/>
        <source>Reset to the starting weights</source>
        <translation>처음 가중치로 되돌리기</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="305"/>
        <source>Branch from step %1</source>
        <translation>%1단계에서 갈라져 나오기</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="350"/>
        <source>Change the architecture</source>
        <translation>구조 바꾸기</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <location filename="../../gui/data_words.py" line="14"/>
        <source>circle (a disc inside a ring)</source>
        <translation>원 (고리 안의 원판)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="15"/>
        <source>XOR quadrants</source>
        <translation>XOR 사분면</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="16"/>
        <source>two Gaussians</source>
        <translation>두 가우스 분포</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="17"/>
        <source>spiral (two arms)</source>
        <translation>나선 (두 갈래)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="22"/>
        <source>The file cannot be read (%why)</source>
        <translation>파일을 읽을 수 없습니다 (%why)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="23"/>
        <source>This is a folder, not a file</source>
        <translation>파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="24"/>
        <source>This is not a regular file (a pipe or a device): nothing was read</source>
        <translation>일반 파일이 아닙니다 (파이프나 장치): 아무것도 읽지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="25"/>
        <source>The file is %mb MB; at most %limit MB is read</source>
        <translation>파일이 %mb MB입니다. 최대 %limit MB까지 읽습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="26"/>
        <source>This is not a text file (it holds NUL bytes)</source>
        <translation>텍스트 파일이 아닙니다 (NUL 바이트가 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="27"/>
        <source>The file is not UTF-8 text: byte %byte cannot be read</source>
        <translation>UTF-8 텍스트가 아닙니다: %byte번째 바이트를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="28"/>
        <source>The file is not valid CSV here (an unclosed quote?)</source>
        <translation>여기서 올바른 CSV가 아닙니다 (닫히지 않은 따옴표?)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="29"/>
        <source>The file is empty: it needs a header row and at least one row of numbers</source>
        <translation>파일이 비어 있습니다: 머리글 행과 숫자 행이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="30"/>
        <source>The file has %n columns; at most %limit are read</source>
        <translation>파일에 열이 %n개 있습니다. 최대 %limit개까지 읽습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="31"/>
        <source>The file has a header but no rows of numbers</source>
        <translation>머리글은 있지만 숫자 행이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="32"/>
        <source>The file has %n rows of data; a data set holds at most %limit samples</source>
        <translation>데이터 행이 %n개입니다. 데이터 세트에는 샘플이 최대 %limit개까지 들어갑니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="33"/>
        <source>%n values, but the header names %columns columns</source>
        <translation>값이 %n개인데 머리글의 열은 %columns개입니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="34"/>
        <source>Column %n has no name in the header</source>
        <translation>머리글에 %n번째 열의 이름이 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="35"/>
        <source>Two columns have this name; each needs its own</source>
        <translation>두 열의 이름이 같습니다. 열마다 이름이 달라야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="36"/>
        <source>There is no column %n (the file has %columns)</source>
        <translation>%n번째 열이 없습니다 (파일의 열은 %columns개)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="37"/>
        <source>No column is named %name (the file has %names)</source>
        <translation>이름이 %name인 열이 없습니다 (파일의 열: %names)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="38"/>
        <source>Choose at least one input column</source>
        <translation>입력 열을 하나 이상 고르세요</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="39"/>
        <source>Choose at least one target column</source>
        <translation>목표 열을 하나 이상 고르세요</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="40"/>
        <source>A column can be chosen only once, as an input or as a target</source>
        <translation>한 열은 입력이나 목표 중 한 번만 고를 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="41"/>
        <source>The value is missing</source>
        <translation>값이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="42"/>
        <source>“%text” is not a finite number</source>
        <translation>“%text”은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="43"/>
        <source>“%text” is not a number (this column holds numbers)</source>
        <translation>“%text”은(는) 숫자가 아닙니다 (이 열은 숫자 열입니다)</translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="53"/>
        <source>Row %1, column “%2”: </source>
        <translation>%1행, “%2” 열: </translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="55"/>
        <source>Row %1: </source>
        <translation>%1행: </translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="57"/>
        <source>Column “%1”: </source>
        <translation>“%1” 열: </translation>
    </message>
    <message>
        <location filename="../../gui/data_words.py" line="65"/>
        <source>%1 input and %2 target columns are chosen; the network takes %3 inputs and gives %4 outputs</source>
        <translation>입력 열 %1개와 목표 열 %2개를 골랐습니다. 신경망은 입력 %3개를 받고 출력 %4개를 냅니다</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <location filename="../../gui/data_dialog.py" line="43"/>
        <source>Generate or import data</source>
        <translation>데이터 생성 또는 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="45"/>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="46"/>
        <source>Import CSV</source>
        <translation>CSV 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="50"/>
        <source>Samples held out of training: their loss is plotted beside the training loss (a train/test split)</source>
        <translation>학습에서 빼 둔 샘플: 그 손실을 학습 손실 옆에 그립니다 (학습/시험 분할)</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="54"/>
        <source>The same seed gives the same points and the same split</source>
        <translation>같은 시드는 같은 점과 같은 분할을 만듭니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="56"/>
        <source>Hold out for testing</source>
        <translation>시험용으로 빼 둘 비율</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="57"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="64"/>
        <source>Use this data</source>
        <translation>이 데이터 사용</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="65"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="93"/>
        <source>The standard deviation of the noise added to each input (the points lie in the square from −1 to 1)</source>
        <translation>각 입력에 더하는 잡음의 표준편차 (점들은 −1에서 1까지의 정사각형 안에 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="96"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="97"/>
        <source>Points</source>
        <translation>점 개수</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="98"/>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="105"/>
        <source>a CSV file: a header row, then one row of numbers per sample</source>
        <translation>CSV 파일: 머리글 행, 그다음 샘플마다 숫자 한 행</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="107"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="119"/>
        <source>Input columns</source>
        <translation>입력 열</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="119"/>
        <source>Target columns</source>
        <translation>목표 열</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="138"/>
        <source>Import data from CSV</source>
        <translation>CSV에서 데이터 가져오기</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="156"/>
        <source>%1 rows of %2 columns</source>
        <translation>%1행 × %2열</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="195"/>
        <source>Generated data sets have two inputs and one target (class 0 or 1) or two (one-hot); this network takes %1 inputs and gives %2 outputs. Change the architecture first.</source>
        <translation>생성된 데이터 세트는 입력이 두 개이고 목표는 하나(클래스 0 또는 1) 또는 두 개(원-핫)입니다. 이 신경망은 입력 %1개를 받고 출력 %2개를 냅니다. 먼저 구조를 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="209"/>
        <source>A split needs at least two samples</source>
        <translation>분할하려면 샘플이 두 개 이상 필요합니다</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="212"/>
        <source>Import %1</source>
        <translation>가져오기 %1</translation>
    </message>
    <message>
        <location filename="../../gui/data_dialog.py" line="213"/>
        <source>Generate %1</source>
        <translation>생성 %1</translation>
    </message>
</context>
<context>
    <name>DataModel</name>
    <message>
        <location filename="../../gui/panels/data_model.py" line="74"/>
        <source>sample %1</source>
        <translation>샘플 %1</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="96"/>
        <source>Add sample</source>
        <translation>샘플 추가</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="97"/>
        <source>Remove sample</source>
        <translation>샘플 삭제</translation>
    </message>
</context>
<context>
    <name>DerivationPanel</name>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="72"/>
        <source>… and %n more path(s), each written out the same way</source>
        <translation>… 그리고 같은 방식으로 풀리는 경로 %n개 더</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="98"/>
        <source>Matrix form beside it</source>
        <translation>행렬 형태도 함께 보기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="99"/>
        <source>Show seed 002&apos;s matrix form next to the node-by-node chain</source>
        <translation>노드별 연쇄 법칙 옆에 시드 002의 행렬 형태를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="126"/>
        <source>Click any factor to select the neuron or edge it belongs to.</source>
        <translation>인수를 클릭하면 그 인수가 속한 뉴런이나 연결선이 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="160"/>
        <source>Select a weight, a bias or a neuron (in the diagram or a table) to see its derivative written out with the chain rule.</source>
        <translation>가중치, 편향 또는 뉴런을 (다이어그램이나 표에서) 선택하면 그 미분을 연쇄 법칙으로 풀어 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="177"/>
        <source>Derivation</source>
        <translation>미분 풀이</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="204"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: how the error changes with this input</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 이 입력이 바뀔 때 오차가 변하는 정도</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="205"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: δ, how the error changes with this neuron&apos;s net input</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: δ, 이 뉴런의 가중합이 바뀔 때 오차가 변하는 정도</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="207"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: the chain rule from the error back to this weight</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 오차에서 이 가중치까지 거슬러 가는 연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/derivation_view.py" line="209"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: the chain rule from the error back to this bias</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 오차에서 이 편향까지 거슬러 가는 연쇄 법칙</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/teaching/derivation_view.py" line="212"/>
        <source>mean over the %n samples of the batch</source>
        <translation>
            <numerusform>배치 샘플 %n개의 평균</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/teaching/chain_grid.py" line="118"/>
        <source>Click to select %1</source>
        <translation>클릭해서 %1 선택</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/chain_grid.py" line="169"/>
        <source>(sum below)</source>
        <translation>(합은 아래)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/chain_grid.py" line="192"/>
        <source>sample %1</source>
        <translation>샘플 %1</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../core/io/document.py" line="104"/>
        <source>loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="160"/>
        <source>%1 samples of inputs but %2 of targets</source>
        <translation>입력 샘플은 %1개인데 목표값은 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="125"/>
        <source>a version %1 file has no history (it came with version 3)</source>
        <translation>버전 %1 파일에는 학습 기록이 없습니다(학습 기록은 버전 3부터 저장됩니다)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="136"/>
        <source>not a Backprop Lab file: expected an object {...} at the top, got %1</source>
        <translation>Backprop Lab 파일이 아닙니다: 맨 위에 객체 {...}가 있어야 하는데 %1이(가) 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="139"/>
        <source>not a Backprop Lab file (expected &quot;%1&quot;, got %2)</source>
        <translation>Backprop Lab 파일이 아닙니다 (&quot;%1&quot;이어야 하는데 %2입니다)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="143"/>
        <source>must be a whole number, got %1</source>
        <translation>정수여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="145"/>
        <source>made by a newer Backprop Lab (version %1); this one reads version %2</source>
        <translation>더 새로운 Backprop Lab(버전 %1)으로 만든 파일입니다. 이 프로그램은 버전 %2까지 읽습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="148"/>
        <source>unknown version %1; this Backprop Lab reads version %2</source>
        <translation>알 수 없는 버전 %1입니다. 이 Backprop Lab은 버전 %2를 읽습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="169"/>
        <source>a version %1 file has no test samples (they came with version %2)</source>
        <translation>버전 %1 파일에는 테스트 샘플이 없습니다 (버전 %2부터 들어갑니다)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="178"/>
        <source>must be a list of 1 to %1 layers after the input, got %2</source>
        <translation>입력 다음에 오는 층 1~%1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="187"/>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="189"/>
        <source>bias mode</source>
        <translation>편향 방식</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="213"/>
        <source>this layer has no bias (bias is &quot;none&quot;)</source>
        <translation>이 층에는 편향이 없습니다 (bias가 &quot;none&quot;)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="216"/>
        <source>missing (the layer&apos;s bias is &quot;%1&quot;)</source>
        <translation>없습니다 (이 층의 bias는 &quot;%1&quot;)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="228"/>
        <source>must be a list of at most %1 objects (input and each layer), got %2</source>
        <translation>객체(입력과 각 층) 최대 %1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_settings.py" line="23"/>
        <source>%1, got %2</source>
        <translation>%1. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_settings.py" line="32"/>
        <source>update mode</source>
        <translation>업데이트 방식</translation>
    </message>
    <message>
        <location filename="../../core/io/document_settings.py" line="37"/>
        <source>optimizer</source>
        <translation>최적화 방법</translation>
    </message>
    <message>
        <location filename="../../core/io/document_settings.py" line="39"/>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="243"/>
        <source>must be a list of at most %1 entries, got %2</source>
        <translation>항목 최대 %1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="267"/>
        <source>not a Backprop Lab file: it holds binary data, not text</source>
        <translation>Backprop Lab 파일이 아닙니다: 텍스트가 아니라 이진 데이터가 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="271"/>
        <source>not a Backprop Lab file: not UTF-8 text (byte %1)</source>
        <translation>Backprop Lab 파일이 아닙니다: UTF-8 텍스트가 아닙니다 (%1번째 바이트)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="279"/>
        <source>not a Backprop Lab file: not valid JSON (%1 at line %2, column %3)</source>
        <translation>Backprop Lab 파일이 아닙니다: 올바른 JSON이 아닙니다 (%2행 %3열: %1)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="282"/>
        <source>not a Backprop Lab file: lists or objects nested too deeply</source>
        <translation>Backprop Lab 파일이 아닙니다: 목록이나 객체가 너무 깊이 중첩되어 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="287"/>
        <source>the file is %1 MB; a Backprop Lab file is at most %2 MB</source>
        <translation>파일이 %1 MB입니다. Backprop Lab 파일은 최대 %2 MB입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="307"/>
        <source>no such file: %1</source>
        <translation>파일이 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="313"/>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="315"/>
        <source>the file is over %1 MB; a Backprop Lab file is at most that</source>
        <translation>파일이 %1 MB를 넘습니다. Backprop Lab 파일은 최대 그 크기입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="387"/>
        <source>too large to save: %1 MB (a file is at most %2 MB)</source>
        <translation>저장하기에 너무 큽니다: %1 MB (파일은 최대 %2 MB)</translation>
    </message>
    <message>
        <location filename="../../core/io/document.py" line="395"/>
        <source>cannot save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="36"/>
        <source>a number of %1 characters</source>
        <translation>%1자리 수</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="53"/>
        <source>not a valid Backprop Lab file: the field %1 appears twice in one object</source>
        <translation>올바른 Backprop Lab 파일이 아닙니다: 한 객체에 필드 %1이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="66"/>
        <source>text %1</source>
        <translation>텍스트 %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="68"/>
        <source>a list of %1</source>
        <translation>항목 %1개의 목록</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="69"/>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="75"/>
        <location filename="../../core/io/document_history.py" line="116"/>
        <source>%1 is not a finite number</source>
        <translation>%1은(는) 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="77"/>
        <source>must be a number, got %1</source>
        <translation>수여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="84"/>
        <source>must be a finite number, got %1</source>
        <translation>유한한 수여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="90"/>
        <source>must be true or false, got %1</source>
        <translation>true 또는 false여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="96"/>
        <source>must be a whole number from %1 to %2, got %3</source>
        <translation>%1부터 %2까지의 정수여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="102"/>
        <source>must be text, got %1</source>
        <translation>텍스트여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="104"/>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="106"/>
        <source>is %1 characters long; at most %2 are allowed</source>
        <translation>길이가 %1자입니다. 최대 %2자까지 됩니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="110"/>
        <source>holds characters that cannot be written as UTF-8</source>
        <translation>UTF-8로 쓸 수 없는 문자가 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="116"/>
        <source>unknown %1 %2 (one of %3)</source>
        <translation>알 수 없는 %1 %2 (%3 중 하나)</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="123"/>
        <source>must be an object {...}, got %1</source>
        <translation>객체 {...}여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="127"/>
        <source>unknown field (known here: %1)</source>
        <translation>알 수 없는 필드입니다 (여기서 쓰는 필드: %1)</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="130"/>
        <source>missing</source>
        <translation>없습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="136"/>
        <source>must be a list of %1 values, got %2</source>
        <translation>값 %1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="138"/>
        <source>expected %1 value, got %2</source>
        <translation>값이 %1개여야 하는데 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="139"/>
        <source>expected %1 values, got %2</source>
        <translation>값이 %1개여야 하는데 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="144"/>
        <source>%1×%2 values (%1 row of %2)</source>
        <translation>%1×%2개의 값 (값 %2개짜리 행 %1개)</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="145"/>
        <source>%1×%2 values (%1 rows of %2)</source>
        <translation>%1×%2개의 값 (값 %2개짜리 행 %1개)</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="147"/>
        <source>expected %1, got %2</source>
        <translation>%1이어야 하는데 %2입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="149"/>
        <source>expected %1, got a flat list of %2</source>
        <translation>%1이어야 하는데 항목 %2개의 평평한 목록입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="150"/>
        <source>expected %1, got none</source>
        <translation>%1이어야 하는데 아무것도 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="152"/>
        <source>expected %1, got %2 row</source>
        <translation>%1이어야 하는데 행이 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="153"/>
        <source>expected %1, got %2 rows</source>
        <translation>%1이어야 하는데 행이 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="159"/>
        <source>must be a list of samples, each a list of %1 numbers, got %2</source>
        <translation>샘플의 목록이어야 하며 각 샘플은 수 %1개의 목록입니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="162"/>
        <source>%1 samples; at most %2 are allowed</source>
        <translation>샘플 %1개. 최대 %2개까지 됩니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="177"/>
        <source>the loss over the %1 samples would be %2: every value of the forward and backward pass must be finite</source>
        <translation>샘플 %1개에 대한 손실이 %2이(가) 됩니다: 순전파와 역전파의 모든 값은 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="181"/>
        <source>%1 over the %2 samples would be %3: every value of the forward and backward pass must be finite</source>
        <translation>샘플 %2개에 대한 %1이(가) %3이(가) 됩니다: 순전파와 역전파의 모든 값은 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="184"/>
        <source>%1 of sample %2 would be %3: every value of the forward and backward pass must be finite</source>
        <translation>샘플 %2의 %1이(가) %3이(가) 됩니다: 순전파와 역전파의 모든 값은 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_checks.py" line="192"/>
        <source>with data.inputs[%2], %1 of sample %2 would be %3: every value of the forward and backward pass must be finite</source>
        <translation>data.inputs[%2]와 함께 샘플 %2의 %1이(가) %3이(가) 됩니다: 순전파와 역전파의 모든 값은 유한해야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="86"/>
        <source>must be packed numbers (text), got %1</source>
        <translation>압축된 숫자(텍스트)여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="99"/>
        <source>is damaged: its packed numbers cannot be read</source>
        <translation>손상되었습니다: 압축된 숫자를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="101"/>
        <source>must hold %1 numbers</source>
        <translation>숫자 %1개를 담고 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="117"/>
        <source>number %1</source>
        <translation>%1번째 숫자</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="245"/>
        <source>must be a list of at most %1 runs, got %2</source>
        <translation>실행 기록 최대 %1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="262"/>
        <source>%1 steps kept whole; a file keeps at most %2 steps&apos; losses</source>
        <translation>%1단계를 모두 담고 있습니다. 파일에는 최대 %2단계의 손실만 담을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="265"/>
        <source>the loss of step %1</source>
        <translation>%1번째 단계의 손실</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="271"/>
        <source>must rise from 0 to below whole_from (%1)</source>
        <translation>0부터 whole_from(%1) 미만까지 커지는 순서여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="275"/>
        <source>loss %1</source>
        <translation>%1번째 손실</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="284"/>
        <source>must be a list of at most %1 data sets, got %2</source>
        <translation>데이터 세트 최대 %1개의 목록이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="308"/>
        <source>Adam&apos;s second moment cannot be negative</source>
        <translation>Adam의 2차 모멘트는 음수일 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="310"/>
        <source>Adam&apos;s step count must be a whole number ≥ 0</source>
        <translation>Adam의 단계 수는 0 이상의 정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="324"/>
        <source>must be a list of %1 to %2 segments, got %3</source>
        <translation>구간 %1~%2개의 목록이어야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="344"/>
        <source>refers to a data set, but history.data is empty</source>
        <translation>데이터 세트를 가리키지만 history.data가 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="353"/>
        <source>each flag must be 0 or 1</source>
        <translation>각 표시는 0 또는 1이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="355"/>
        <source>a step from %1 on names a sample its data set (%2 samples) lacks</source>
        <translation>%1단계부터의 어떤 단계가 데이터 세트(샘플 %2개)에 없는 샘플을 가리킵니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="361"/>
        <source>must rise from the segment&apos;s start %1 to at most %2</source>
        <translation>구간의 시작 %1부터 최대 %2까지 커지는 순서여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/io/document_history.py" line="368"/>
        <source>the loss at the segment&apos;s start is not finite</source>
        <translation>구간 시작점의 손실이 유한한 수가 아닙니다</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="74"/>
        <source>your answer, e.g. 0.1234</source>
        <translation>답, 예: 0.1234</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="77"/>
        <source>Check</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="92"/>
        <source>Show the answer</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="94"/>
        <source>Next exercise ▶</source>
        <translation>다음 문제 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="96"/>
        <source>Forget progress</source>
        <translation>진행 기록 지우기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="99"/>
        <source>Mark every exercise of this preset as not solved</source>
        <translation>이 프리셋의 모든 문제를 풀지 않은 것으로 표시</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="121"/>
        <source>Work it out by hand (or on paper) from the numbers in the diagram, then type it here. The numbers follow the text&apos;s worked example in order.</source>
        <translation>다이어그램의 숫자로 손으로(또는 종이에) 계산한 뒤 여기에 입력하세요. 문제는 본문 예제의 계산 순서를 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="223"/>
        <source>&lt;b&gt;Check your own answer&lt;/b&gt; — %1</source>
        <translation>&lt;b&gt;직접 계산한 답 확인&lt;/b&gt; — %1</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="300"/>
        <source>%1 of %2 solved</source>
        <translation>%2문제 중 %1문제 풀었음</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="336"/>
        <source>Compute &lt;b&gt;%1&lt;/b&gt; to %2 decimal places (tolerance ±%3):</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;을(를) 소수점 아래 %2자리까지 계산하세요 (허용 오차 ±%3):</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/exercise_panel.py" line="382"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../core/cli/explain.py" line="51"/>
        <source>%1 inputs</source>
        <translation>입력 %1개</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="52"/>
        <source>no bias</source>
        <translation>편향 없음</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="52"/>
        <source>a bias per neuron</source>
        <translation>뉴런마다 편향</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="53"/>
        <source>one shared bias</source>
        <translation>공유 편향 하나</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="57"/>
        <source>; loss %1: %2</source>
        <translation>; 손실 %1: %2</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="66"/>
        <source>--sample: %1 is out of range; %2 has %3 sample</source>
        <translation>--sample: %1은(는) 범위 밖입니다. %2의 샘플은 %3개입니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="67"/>
        <source>--sample: %1 is out of range; %2 has %3 samples</source>
        <translation>--sample: %1은(는) 범위 밖입니다. %2의 샘플은 %3개입니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="87"/>
        <source>--param: %1 has no parameter %2 (its parameters: %3)</source>
        <translation>--param: %1에는 매개변수 %2이(가) 없습니다 (매개변수: %3)</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="90"/>
        <source>(sample %1 of %2)</source>
        <translation>(샘플 %2개 중 %1번)</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="98"/>
        <source>where</source>
        <translation>여기서</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="99"/>
        <source>Factors</source>
        <translation>인수</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="100"/>
        <source>symbol</source>
        <translation>기호</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="100"/>
        <source>kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="100"/>
        <location filename="../../core/cli/explain.py" line="146"/>
        <source>formula</source>
        <translation>식</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="101"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="101"/>
        <source>diagram items</source>
        <translation>다이어그램 항목</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="106"/>
        <source>Gradient check: analytic %1, central difference (h = %2) %3, relative error %4</source>
        <translation>기울기 검사: 해석적 %1, 중심 차분 (h = %2) %3, 상대 오차 %4</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="119"/>
        <source>sample %1 of %2: </source>
        <translation>샘플 %2개 중 %1번: </translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="131"/>
        <source>Forward pass</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="137"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="143"/>
        <source>Deltas %1 = ∂%2/∂z, from the output back</source>
        <translation>델타 %1 = ∂%2/∂z, 출력에서 거꾸로</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="145"/>
        <source>parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="145"/>
        <source>∂%1/∂parameter</source>
        <translation>∂%1/∂매개변수</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="146"/>
        <source>chain rule</source>
        <translation>연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="146"/>
        <source>factors</source>
        <translation>인수</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="150"/>
        <source>Gradients (each the product of its chain-rule factors)</source>
        <translation>기울기 (각각 연쇄 법칙 인수들의 곱)</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="153"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../core/cli/explain.py" line="154"/>
        <source>For one parameter&apos;s derivation in full: %1</source>
        <translation>매개변수 하나의 미분 풀이 전체: %1</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/files.py" line="39"/>
        <source>&amp;New from preset…</source>
        <translation>프리셋에서 새로 만들기(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="40"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="41"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="42"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="45"/>
        <source>Export plot as &amp;PNG…</source>
        <translation>그래프를 PNG로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="46"/>
        <source>Export plot as S&amp;VG…</source>
        <translation>그래프를 SVG로 내보내기(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="50"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="51"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="85"/>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="107"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="108"/>
        <source>The network has changes that are not saved. Save them first?</source>
        <translation>신경망에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="134"/>
        <source>New from preset</source>
        <translation>프리셋에서 새로 만들기</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="134"/>
        <source>Preset:</source>
        <translation>프리셋:</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="144"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="149"/>
        <location filename="../../gui/files.py" line="205"/>
        <source>Still busy with %1: wait for it, or cancel it (Esc)</source>
        <translation>아직 %1 작업 중입니다: 끝날 때까지 기다리거나 취소하세요(Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="165"/>
        <source>Opening cancelled: the network shown is as it was</source>
        <translation>열기를 취소했습니다: 보이는 신경망은 그대로입니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="183"/>
        <source>Could not open %1</source>
        <translation>%1 파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="199"/>
        <source>Save As</source>
        <translation>다른 이름으로 저장</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="210"/>
        <location filename="../../gui/files.py" line="224"/>
        <location filename="../../gui/files.py" line="244"/>
        <source>Could not save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="211"/>
        <source>%1 is a preset shipped with Backprop Lab and is kept as it is: save your network under another name or in another folder.</source>
        <translation>%1은(는) Backprop Lab에 들어 있는 프리셋이라 바꾸지 않습니다. 네트워크를 다른 이름으로, 또는 다른 폴더에 저장하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="250"/>
        <source>Saving cancelled: %1 is as it was</source>
        <translation>저장을 취소했습니다: %1은(는) 그대로입니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="251"/>
        <source>Saving cancelled: %1 was not written</source>
        <translation>저장을 취소했습니다: %1은(는) 만들어지지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="264"/>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="266"/>
        <source>(to fit a file of at most %1 MB, the plot keeps every 2nd, 4th … loss before step %2; every step can still be looked back at)</source>
        <translation>(파일을 %1 MB 이하로 맞추려고, 그래프는 %2단계 이전의 손실을 2번째, 4번째 … 단계마다 하나씩만 남깁니다. 모든 단계는 여전히 되돌아볼 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="285"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="295"/>
        <source>Export plot</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="307"/>
        <source>Could not export the plot</source>
        <translation>그래프를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="309"/>
        <source>Plot exported to %1</source>
        <translation>그래프를 %1에 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>FileNames</name>
    <message>
        <location filename="../../gui/file_names.py" line="19"/>
        <source>%1 — trained 1 step</source>
        <translation>%1 — 1단계 학습</translation>
    </message>
    <message>
        <location filename="../../gui/file_names.py" line="20"/>
        <source>%1 — trained %2 steps</source>
        <translation>%1 — %2단계 학습</translation>
    </message>
    <message>
        <location filename="../../gui/file_names.py" line="48"/>
        <source>network</source>
        <translation>네트워크</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../core/io/atomic.py" line="39"/>
        <source>%1 is %2, not a file; nothing was written</source>
        <translation>%1은(는) 파일이 아니라 %2입니다. 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="40"/>
        <source>%1 is %2, not a file</source>
        <translation>%1은(는) 파일이 아니라 %2입니다</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="50"/>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="52"/>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="54"/>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="56"/>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <location filename="../../core/io/atomic.py" line="57"/>
        <source>something else</source>
        <translation>다른 종류</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../core/teaching/glossary.py" line="18"/>
        <source>backpropagation</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="19"/>
        <source>forward pass</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="20"/>
        <source>partial derivative</source>
        <translation>편미분</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="21"/>
        <source>chain rule</source>
        <translation>연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="22"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="23"/>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="24"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="25"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="26"/>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="27"/>
        <source>gradient descent</source>
        <translation>경사 하강법</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="28"/>
        <source>activation function</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="29"/>
        <source>net input</source>
        <translation>순입력</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="30"/>
        <source>error signal (delta)</source>
        <translation>오차 신호 (델타)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="31"/>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="32"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="33"/>
        <source>target</source>
        <translation>목표값</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="34"/>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../core/teaching/glossary.py" line="35"/>
        <source>hidden layer</source>
        <translation>은닉층</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../gui/glossary.py" line="35"/>
        <source>Glossary</source>
        <translation>용어집</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="36"/>
        <source>The words of backpropagation in Korean and English, with their formulas.</source>
        <translation>역전파의 용어를 한국어와 영어로, 공식과 함께 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/glossary.py" line="38"/>
        <source>Formula</source>
        <translation>공식</translation>
    </message>
</context>
<context>
    <name>GradientCheckPanel</name>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="51"/>
        <source>step size h</source>
        <translation>간격 h</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="52"/>
        <source>chain rule (backpropagation)</source>
        <translation>연쇄 법칙 (역전파)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="53"/>
        <source>central difference</source>
        <translation>중앙 차분</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="54"/>
        <source>relative error</source>
        <translation>상대 오차</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="62"/>
        <source>relative error = |a − n| / max(|a|, |n|). Below 1e-7 the formula is right; a much larger h shows truncation error, a much smaller one rounding error. At a ReLU kink the two may honestly differ.</source>
        <translation>상대 오차 = |a − n| / max(|a|, |n|). 1e-7보다 작으면 식이 맞습니다. h가 훨씬 크면 절단 오차가, 훨씬 작으면 반올림 오차가 보입니다. ReLU의 꺾이는 점에서는 두 값이 정당하게 다를 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="88"/>
        <source>Select a weight or a bias to compare its gradient with a finite difference.</source>
        <translation>가중치나 편향을 선택하면 그 기울기를 유한 차분과 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="98"/>
        <source>&lt;b&gt;∂%2/∂%1&lt;/b&gt;, for what the diagram shows</source>
        <translation>&lt;b&gt;∂%2/∂%1&lt;/b&gt;, 다이어그램이 보여 주는 값에 대해</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="107"/>
        <source>They agree: the chain rule gives the slope of the error.</source>
        <translation>두 값이 같습니다: 연쇄 법칙이 오차의 기울기를 줍니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="109"/>
        <source>Close: try another step size h.</source>
        <translation>비슷합니다: 다른 간격 h로 해 보세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/gradient_panel.py" line="111"/>
        <source>They differ: near a kink (ReLU at 0) or with a poor h this can happen.</source>
        <translation>두 값이 다릅니다: 꺾이는 점(0에서의 ReLU) 근처나 h가 알맞지 않으면 그럴 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <location filename="../../gui/guide.py" line="33"/>
        <source>The network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="34"/>
        <source>Every neuron and weight, with its number. Click a neuron or an edge to select it; drag a number sideways to change it, or double-click it to type one. Blue edges are positive, orange negative, and the thicker the larger.</source>
        <translation>모든 뉴런과 가중치가 숫자와 함께 보입니다. 뉴런이나 연결선을 클릭하면 선택되고, 숫자를 옆으로 끌면 값이 바뀌며, 더블클릭하면 직접 입력할 수 있습니다. 파란 선은 양수, 주황 선은 음수이고, 굵을수록 큽니다.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="37"/>
        <source>Learn and Selected</source>
        <translation>배우기와 선택한 값</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="38"/>
        <source>Learn walks through one forward pass, backward pass and update, a computation at a time; writes out the derivation of what you selected; asks exercises and tells which factor a wrong answer missed. Selected shows the clicked item&apos;s value, gradient and next update; the decision boundary and the loss landscape are tabs beside it.</source>
        <translation>배우기는 순전파, 역전파, 갱신을 계산 하나씩 따라가고, 선택한 것의 미분 풀이를 펼쳐 보이며, 문제를 내고 틀린 답이 어느 인수를 놓쳤는지 알려 줍니다. 선택한 값은 클릭한 항목의 값, 기울기, 다음 갱신을 보여 주고, 결정 경계와 손실 지형은 그 옆 탭에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="42"/>
        <source>The loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="43"/>
        <source>The loss after every training step. Click a step to see the whole network as it was then; Branch from there to try something else.</source>
        <translation>학습 단계마다의 손실입니다. 단계를 클릭하면 그때의 신경망 전체를 볼 수 있고, 거기서 갈라져 나와 다른 것을 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="45"/>
        <source>Controls</source>
        <translation>조작</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="46"/>
        <source>Step (F10), Step ×N (Shift+F10) and Run (F5) train the network. Set the learning rate, momentum and the update rule here, and the layers and the loss below. Every change can be undone (Ctrl+Z).</source>
        <translation>한 단계(F10), N단계(Shift+F10), 실행(F5)으로 신경망을 학습시킵니다. 학습률, 모멘텀, 갱신 방식은 여기서, 층과 손실 함수는 그 아래에서 정합니다. 모든 변경은 실행 취소(Ctrl+Z)할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="49"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="50"/>
        <source>Tables of every number: weights, gradients, each neuron&apos;s z, a and δ, and the data set.</source>
        <translation>모든 숫자의 표입니다: 가중치, 기울기, 뉴런마다의 z, a, δ, 그리고 데이터 세트.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="60"/>
        <source>More: View → Notation, Precision, Language, Full screen (F11) and zoom (Ctrl+=, Ctrl+−) for a projector; File → Export worksheet… for a class, with an answer key; File → Print… for the walk-through; Help → Tour to see the tour again; Help → What&apos;s This? (Shift+F1), then click any panel, for a sentence about it.</source>
        <translation>더 보기: 보기 → 표기법, 정밀도, 언어, 프로젝터용 전체 화면(F11)과 확대(Ctrl+=, Ctrl+−); 수업용 학습지와 정답은 파일 → 학습지 내보내기…; 따라가기 인쇄는 파일 → 인쇄…; 둘러보기를 다시 보려면 도움말 → 둘러보기; 도움말 → 이것에 대한 설명(Shift+F1)을 누른 뒤 아무 패널이나 클릭하면 그 패널을 한 문장으로 설명합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="64"/>
        <source>The window</source>
        <translation>창 둘러보기</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gui/guide.py" line="82"/>
        <source>Guide to the window</source>
        <translation>창 안내</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../gui/help.py" line="18"/>
        <source>Train the network: step, run, the learning rate and the update rule; below them, the layers and the loss.</source>
        <translation>신경망 학습: 한 단계, 실행, 학습률과 갱신 방식; 그 아래에 층과 손실 함수.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="20"/>
        <source>The item you clicked in the diagram: its value, its gradient written out with the chain rule, and its next update.</source>
        <translation>다이어그램에서 클릭한 항목: 그 값, 연쇄 법칙으로 풀어 쓴 기울기, 다음 갱신.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="22"/>
        <source>Every number in tables: weights, gradients, each neuron&apos;s z, a and δ, and the data set.</source>
        <translation>모든 숫자를 표로: 가중치, 기울기, 뉴런마다의 z, a, δ, 그리고 데이터 세트.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="24"/>
        <source>What the network answers over the plane of two inputs; click to add a point of a class, drag to move one.</source>
        <translation>두 입력이 이루는 평면 위에서 신경망이 내는 답. 클릭하면 클래스의 점을 추가하고, 끌면 옮깁니다.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="26"/>
        <source>The loss as one or two parameters change, with the present point, the way down and the path training took.</source>
        <translation>매개변수 한두 개가 바뀔 때의 손실. 지금 위치, 내려가는 방향, 학습이 지나온 길이 함께 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="28"/>
        <source>The network: click a neuron or an edge to select it, drag a number sideways to change it, double-click it to type one.</source>
        <translation>신경망: 뉴런이나 연결선을 클릭하면 선택되고, 숫자를 옆으로 끌면 바뀌며, 더블클릭하면 직접 입력합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="30"/>
        <source>The loss after every training step; click a step to look back at the network as it was then.</source>
        <translation>학습 단계마다의 손실. 단계를 클릭하면 그때의 신경망을 다시 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="34"/>
        <source>Learn by hand: the walk-through, the derivation, exercises that check your answer, the text&apos;s numbers and a gradient check.</source>
        <translation>손으로 배우기: 따라가기, 미분 풀이, 답을 확인하는 문제, 본문의 숫자, 기울기 검사.</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="61"/>
        <source>Backprop Lab: touch every number of a small neural network and watch backpropagation work, step by step.</source>
        <translation>Backprop Lab: 작은 신경망의 모든 숫자를 직접 바꿔 보며 역전파가 한 단계씩 일하는 모습을 봅니다.</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../gui/help.py" line="74"/>
        <source>&amp;Guide to the window</source>
        <translation>창 안내(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="75"/>
        <source>&amp;Tour</source>
        <translation>둘러보기(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="79"/>
        <source>&amp;Glossary</source>
        <translation>용어집(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="80"/>
        <source>&amp;About Backprop Lab</source>
        <translation>Backprop Lab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="98"/>
        <source>About Backprop Lab</source>
        <translation>Backprop Lab 정보</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <location filename="../../gui/panels/landscape.py" line="53"/>
        <source>two parameters</source>
        <translation>매개변수 두 개</translation>
    </message>
    <message>
        <location filename="../../gui/panels/landscape.py" line="140"/>
        <source>Click one or two edges (weights) or biases in the diagram: the loss is drawn over them, every other parameter held where it is.</source>
        <translation>다이어그램에서 연결선(가중치)이나 편향을 한두 개 클릭하세요: 다른 매개변수는 지금 값에 둔 채, 그 매개변수에 따른 손실을 그립니다.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/landscape.py" line="160"/>
        <source>%2 over %1</source>
        <translation>%1에 따른 %2</translation>
    </message>
    <message>
        <location filename="../../gui/panels/landscape.py" line="160"/>
        <source> and </source>
        <translation> 및 </translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <location filename="../../gui/lock.py" line="49"/>
        <source>%1 is locked: the teacher fixed this number</source>
        <translation>%1은(는) 잠겨 있습니다: 선생님이 고정한 숫자입니다</translation>
    </message>
</context>
<context>
    <name>LongWorkBar</name>
    <message>
        <location filename="../../gui/panels/long_work.py" line="26"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="59"/>
        <source>Rebuilding step %1: %2 of %3 steps replayed</source>
        <translation>%1단계 다시 계산 중: %3단계 중 %2단계 재생</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="61"/>
        <source>Step ×N: %2 of %3 steps</source>
        <translation>N단계: %3단계 중 %2단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="70"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="71"/>
        <source>Stop opening: the network shown stays as it is (Esc)</source>
        <translation>열기 중지: 보이는 신경망은 그대로 남습니다(Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="73"/>
        <source>Saving %1…</source>
        <translation>%1 저장 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/long_work.py" line="75"/>
        <source>Stop saving: the file stays as it was (Esc)</source>
        <translation>저장 중지: 파일은 그대로 남습니다(Esc)</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="61"/>
        <location filename="../../gui/panels/loss_plot.py" line="150"/>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="29"/>
        <source>loss %1</source>
        <translation>손실 %1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="67"/>
        <location filename="../../gui/panels/loss_plot.py" line="227"/>
        <source>%1 (all samples)</source>
        <translation>%1 (전체 샘플)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="76"/>
        <location filename="../../gui/panels/loss_plot.py" line="152"/>
        <source>Step or Run: the loss of each step appears here</source>
        <translation>한 단계나 실행을 누르면 단계마다 손실이 여기 그려집니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="85"/>
        <source>Return to present</source>
        <translation>현재로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="86"/>
        <source>Branch from here</source>
        <translation>여기서 갈라져 나오기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="89"/>
        <source>Keep curve &amp;&amp; restart</source>
        <translation>곡선 남기고 다시 시작</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="90"/>
        <source>Keep this run&apos;s loss curve for comparison and go back to the starting weights: change the learning rate, momentum or mode and train again</source>
        <translation>이번 학습의 손실 곡선을 비교용으로 남기고 처음 가중치로 돌아갑니다: 학습률, 모멘텀, 갱신 방식을 바꿔 다시 학습해 보세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="93"/>
        <source>Clear kept</source>
        <translation>남긴 곡선 지우기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="96"/>
        <source>log loss</source>
        <translation>로그 손실</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="98"/>
        <source>The loss axis in powers of ten (chosen by itself when the curve spans more than three of them, until you choose)</source>
        <translation>손실 축을 10의 거듭제곱으로 표시합니다 (곡선이 세 자릿수 넘게 걸치면 저절로 켜지며, 직접 고르면 그대로 둡니다)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="100"/>
        <source>log steps</source>
        <translation>로그 단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="156"/>
        <location filename="../../gui/panels/loss_plot.py" line="221"/>
        <source>sample %1</source>
        <translation>샘플 %1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="227"/>
        <source>%1 (training samples)</source>
        <translation>%1 (학습 샘플)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="231"/>
        <source>%1 (test samples)</source>
        <translation>%1 (시험 샘플)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="292"/>
        <source>step %1
E = %2</source>
        <translation>%1단계
E = %2</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="317"/>
        <source>Showing the network before step %1 (read-only)</source>
        <translation>%1단계 직전의 신경망을 보는 중 (읽기 전용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="320"/>
        <source>Click a point to see the network as it was then</source>
        <translation>점을 클릭하면 그때의 신경망이 보입니다</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="327"/>
        <source>Nothing to keep yet: take some steps first</source>
        <translation>아직 남길 곡선이 없습니다: 먼저 몇 단계 학습하세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="330"/>
        <source>per sample</source>
        <translation>샘플별</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="330"/>
        <source>mini-batch %1</source>
        <translation>미니배치 %1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="331"/>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/loss_plot.py" line="332"/>
        <source>η %1, μ %2, %3</source>
        <translation>η %1, μ %2, %3</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../gui/panels/architecture.py" line="36"/>
        <source>½ sum of squares</source>
        <translation>½ 제곱합</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="36"/>
        <source>sum of squares</source>
        <translation>제곱합</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="37"/>
        <source>mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="38"/>
        <source>cross-entropy (softmax)</source>
        <translation>교차 엔트로피 (소프트맥스)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/architecture.py" line="39"/>
        <source>binary cross-entropy (sigmoid)</source>
        <translation>이진 교차 엔트로피 (시그모이드)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="41"/>
        <source>network diagram</source>
        <translation>신경망 다이어그램</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="90"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="91"/>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="98"/>
        <source>Controls</source>
        <translation>조작</translation>
    </message>
    <message>
        <location filename="../../gui/dock_layout.py" line="33"/>
        <source>Selected</source>
        <translation>선택한 값</translation>
    </message>
    <message>
        <location filename="../../gui/dock_layout.py" line="34"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../gui/dock_layout.py" line="41"/>
        <source>Learn</source>
        <translation>배우기</translation>
    </message>
    <message>
        <location filename="../../gui/dock_layout.py" line="50"/>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <location filename="../../gui/dock_layout.py" line="54"/>
        <source>Loss landscape</source>
        <translation>손실 지형</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>&amp;Step</source>
        <translation>한 단계(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="154"/>
        <source>Step ×&amp;N</source>
        <translation>N단계(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157"/>
        <source>&amp;Run / Pause</source>
        <translation>실행 / 일시 정지(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="160"/>
        <source>R&amp;eset to the starting weights</source>
        <translation>처음 가중치로 되돌리기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="169"/>
        <source>Colour edges by &amp;gradient</source>
        <translation>연결선을 기울기로 색칠(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>&amp;Cancel saving</source>
        <translation>저장 취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>&amp;Cancel opening</source>
        <translation>열기 취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>&amp;Data</source>
        <translation>데이터(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="198"/>
        <source>&amp;Generate or import…</source>
        <translation>생성 또는 가져오기(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201"/>
        <source>Learning-rate s&amp;weep…</source>
        <translation>학습률 스윕(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="211"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="227"/>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="235"/>
        <source>Show:</source>
        <translation>보기:</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../gui/teaching/matrix_view.py" line="106"/>
        <source>Matrix form (seed 002): whole layers at once. z = Wᵀa, so W is (neurons before) × (neurons after).</source>
        <translation>행렬 형태 (시드 002): 층 전체를 한 번에. z = Wᵀa 이므로 W는 (앞 층 뉴런 수) × (뒤 층 뉴런 수)입니다.</translation>
    </message>
</context>
<context>
    <name>Mistakes</name>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="18"/>
        <source>Right: your value is {quantity} within ±{tolerance} ({digits} decimal places).</source>
        <translation>정답: 입력한 값이 ±{tolerance} 안에서 {quantity}입니다 (소수점 아래 {digits}자리).</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="20"/>
        <source>Not right: your value is not within ±{tolerance} of {quantity}. Check the formula above and try again.</source>
        <translation>틀렸습니다: 입력한 값이 {quantity}의 ±{tolerance} 안에 있지 않습니다. 위의 식을 확인하고 다시 해 보세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="22"/>
        <source>Close, but not within ±{tolerance}: keep more decimals in the numbers along the way.</source>
        <translation>가깝지만 ±{tolerance} 안은 아닙니다: 중간 계산에서 소수점 자리를 더 남겨 두세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="24"/>
        <source>Your value leaves out the activation-derivative factor {factor} (of {neuron}) in {where}.</source>
        <translation>입력한 값은 {where}에서 ({neuron}의) 활성화 함수 미분 인수 {factor}를 빠뜨렸습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="26"/>
        <source>Your value has the wrong sign in {where}: check the sign of the error term {error}.</source>
        <translation>입력한 값은 {where}에서 부호가 틀렸습니다: 오차 항 {error}의 부호를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="28"/>
        <source>Your value adds η·{gradient} instead of subtracting it: gradient descent moves against the gradient.</source>
        <translation>입력한 값은 η·{gradient}를 빼지 않고 더했습니다: 경사 하강법은 기울기의 반대 방향으로 움직입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="30"/>
        <source>Your value equals σ(−{z}) = 1 − {quantity}: the exponent in 1/(1 + e^(−z)) has lost its minus sign.</source>
        <translation>입력한 값은 σ(−{z}) = 1 − {quantity}와 같습니다: 1/(1 + e^(−z))의 지수에서 마이너스 부호가 빠졌습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="32"/>
        <source>Your value leaves out the path through {via} in {where}: the sum over paths needs {missing} too.</source>
        <translation>입력한 값은 {where}에서 {via}를 지나는 경로를 빠뜨렸습니다: 경로의 합에는 {missing}도 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="34"/>
        <source>Your value uses the weight {used} where {right} belongs, in {where}.</source>
        <translation>입력한 값은 {where}에서 {right} 자리에 가중치 {used}를 썼습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="35"/>
        <source>Your value multiplies by {used} in {where}; a weight&apos;s gradient takes {right}, the activation at the start of its edge.</source>
        <translation>입력한 값은 {where}에서 {used}를 곱했습니다. 가중치의 기울기에는 연결선이 시작하는 쪽의 활성값 {right}가 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="37"/>
        <source>Your value uses {used} (before the activation) where {right} (after it) belongs, in {where}.</source>
        <translation>입력한 값은 {where}에서 (활성화 뒤의) {right} 자리에 (활성화 앞의) {used}를 썼습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="39"/>
        <source>Your value leaves out the factor {factor} in {where}: a weight&apos;s gradient is δ times the activation at the start of its edge.</source>
        <translation>입력한 값은 {where}에서 인수 {factor}를 빠뜨렸습니다: 가중치의 기울기는 δ 곱하기 연결선이 시작하는 쪽의 활성값입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="41"/>
        <source>Your value uses the whole gradient: multiply it by the learning rate η = {lr} first.</source>
        <translation>입력한 값은 기울기 전체를 썼습니다: 먼저 학습률 η = {lr}을 곱하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="43"/>
        <source>Your value leaves out the momentum term μ·v = {term}.</source>
        <translation>입력한 값은 모멘텀 항 μ·v = {term}을 빠뜨렸습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="44"/>
        <source>Your value is only the change of {param}; add it to the old value {old}.</source>
        <translation>입력한 값은 {param}의 변화량일 뿐입니다: 이전 값 {old}에 더하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="46"/>
        <source>{param} is frozen and keeps its value; yours is what it would be if it were not frozen.</source>
        <translation>{param}은(는) 고정되어 값이 그대로입니다. 입력한 값은 고정되지 않았을 때의 값입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="48"/>
        <source>Your value is {z} itself: apply the activation function {function} to it.</source>
        <translation>입력한 값은 {z} 그 자체입니다: 활성화 함수 {function}을(를) 적용하세요.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="50"/>
        <source>Your value leaves out the bias {bias}.</source>
        <translation>입력한 값은 편향 {bias}를 빠뜨렸습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="51"/>
        <source>Your value uses {used} instead of {right}: the first index of a weight is the neuron its edge comes from.</source>
        <translation>입력한 값은 {right} 대신 {used}를 썼습니다: 가중치의 첫 번째 첨자는 연결선이 나오는 뉴런입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="53"/>
        <source>Your value is twice the right one: the loss has a factor ½.</source>
        <translation>입력한 값은 정답의 두 배입니다: 손실에는 ½이 곱해져 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="54"/>
        <source>Your value leaves out the error term {missing}: the total adds every term.</source>
        <translation>입력한 값은 오차 항 {missing}을 빠뜨렸습니다: 전체 오차는 모든 항을 더합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/mistakes.py" line="56"/>
        <source>Your value is the error before the update: evaluate the network again with the new weights.</source>
        <translation>입력한 값은 갱신 전의 오차입니다: 새 가중치로 신경망을 다시 계산하세요.</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../gui/diagram/bindings.py" line="128"/>
        <source>The diagram shows the mean of several samples: choose one sample to change its inputs and targets</source>
        <translation>다이어그램이 여러 샘플의 평균을 보여 주고 있습니다: 입력과 목표값을 바꾸려면 샘플 하나를 고르세요</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/bindings.py" line="98"/>
        <source>Drag %1</source>
        <translation>%1 끌기</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/scene.py" line="307"/>
        <source>Viewing step %1 (read-only): return to the present to change numbers</source>
        <translation>%1단계를 보는 중 (읽기 전용): 숫자를 바꾸려면 현재로 돌아가세요</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/tooltips.py" line="23"/>
        <source>frozen: training does not change it</source>
        <translation>고정됨: 학습해도 바뀌지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/tooltips.py" line="25"/>
        <source>locked by the teacher: it cannot be changed</source>
        <translation>선생님이 잠금: 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/tooltips.py" line="27"/>
        <source>drag sideways to change, double-click to type</source>
        <translation>옆으로 끌어서 바꾸거나, 더블클릭해서 입력하세요</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/tooltips.py" line="35"/>
        <source>(input)</source>
        <translation>(입력)</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="63"/>
        <source>One bias shared by every neuron of this layer</source>
        <translation>이 층의 모든 뉴런이 함께 쓰는 편향 하나</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="65"/>
        <source>Bias: added to this neuron&apos;s weighted sum</source>
        <translation>편향: 이 뉴런의 가중합에 더해집니다</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="77"/>
        <source>Target (the value this output should reach)</source>
        <translation>목표값 (이 출력이 도달해야 할 값)</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="79"/>
        <source>This output&apos;s term of the loss</source>
        <translation>이 출력이 손실에 더하는 항</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="83"/>
        <source>The loss of what the diagram shows</source>
        <translation>다이어그램이 보여 주는 상태의 손실</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="87"/>
        <source>input</source>
        <translation>입력층</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="89"/>
        <source>output · %1</source>
        <translation>출력층 · %1</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/builder.py" line="92"/>
        <source>hidden %1 · %2</source>
        <translation>은닉층 %1 · %2</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../gui/diagram/view.py" line="62"/>
        <location filename="../../gui/diagram/view.py" line="84"/>
        <source>drag a number sideways, or double-click it to type</source>
        <translation>숫자를 옆으로 끌거나 더블클릭해서 입력하세요</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="165"/>
        <source>Viewing step %1 (read-only)</source>
        <translation>%1단계를 보는 중 (읽기 전용)</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="171"/>
        <source>colour: sign of dE/dw, width: its size</source>
        <translation>색: dE/dw의 부호, 굵기: 크기</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="173"/>
        <source>colour: sign of the weight, width: its size</source>
        <translation>색: 가중치의 부호, 굵기: 크기</translation>
    </message>
</context>
<context>
    <name>Notation</name>
    <message>
        <location filename="../../gui/notation_menu.py" line="17"/>
        <source>The text&apos;s own symbols</source>
        <translation>교재의 기호</translation>
    </message>
    <message>
        <location filename="../../gui/notation_menu.py" line="18"/>
        <source>Layer form: a(l), z(l), W(l), b(l)</source>
        <translation>층 표기: a(l), z(l), W(l), b(l)</translation>
    </message>
    <message>
        <location filename="../../gui/notation_menu.py" line="19"/>
        <source>net/out form: net_h1, out_h1, w1 … (Mazur)</source>
        <translation>net/out 표기: net_h1, out_h1, w1 … (마주르의 예제)</translation>
    </message>
</context>
<context>
    <name>NotationMenu</name>
    <message>
        <location filename="../../gui/notation_menu.py" line="41"/>
        <source>&amp;Notation</source>
        <translation>표기법(&amp;N)</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../gui/diagram/number_editor.py" line="42"/>
        <source>Enter: set the value · Esc: cancel</source>
        <translation>Enter: 값 적용 · Esc: 취소</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/number_editor.py" line="44"/>
        <source>New value of %1</source>
        <translation>%1의 새 값</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <location filename="../../core/model/numbers.py" line="111"/>
        <source>Empty: type a number</source>
        <translation>비어 있습니다: 숫자를 입력하세요</translation>
    </message>
    <message>
        <location filename="../../core/model/numbers.py" line="115"/>
        <source>“%1” is too small to hold: it would become 0. Type 0 if you mean zero</source>
        <translation>“%1”은(는) 너무 작아서 담을 수 없습니다: 0이 되어 버립니다. 0을 뜻한다면 0을 입력하세요</translation>
    </message>
    <message>
        <location filename="../../core/model/numbers.py" line="117"/>
        <source>“%1”: a comma followed by three digits may separate thousands, so it is not read as a decimal mark. Type %2 for the whole number, or use a point as the decimal mark</source>
        <translation>“%1”: 쉼표 뒤에 숫자 세 개가 오면 천 단위 구분 기호일 수 있어 소수점으로 읽지 않습니다. 정수라면 %2(으)로 입력하고, 소수라면 소수점으로 마침표(.)를 쓰세요</translation>
    </message>
    <message>
        <location filename="../../core/model/numbers.py" line="122"/>
        <source>“%1” is not a number</source>
        <translation>“%1”은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../core/model/numbers.py" line="113"/>
        <source>“%1” is too large: only finite numbers are allowed</source>
        <translation>“%1”은(는) 너무 큽니다: 유한한 숫자만 쓸 수 있습니다</translation>
    </message>
</context>
<context>
    <name>ParamMatrixModel</name>
    <message>
        <location filename="../../gui/panels/param_model.py" line="71"/>
        <source>bias</source>
        <translation>편향</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <location filename="../../gui/panels/plot_export.py" line="23"/>
        <source>Picture size</source>
        <translation>그림 크기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/plot_export.py" line="33"/>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <location filename="../../gui/panels/plot_export.py" line="34"/>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <location filename="../../gui/panels/plot_export.py" line="98"/>
        <source>the image could not be encoded</source>
        <translation>그림을 인코딩할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Precision</name>
    <message>
        <location filename="../../gui/precision.py" line="16"/>
        <source>Every digit</source>
        <translation>모든 자릿수</translation>
    </message>
    <message>
        <location filename="../../gui/precision.py" line="17"/>
        <source>%1 decimal places</source>
        <translation>소수점 아래 %1자리</translation>
    </message>
</context>
<context>
    <name>PrecisionMenu</name>
    <message>
        <location filename="../../gui/precision.py" line="40"/>
        <source>&amp;Precision</source>
        <translation>정밀도(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../gui/presentation.py" line="46"/>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="48"/>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="49"/>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="50"/>
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="51"/>
        <source>&amp;High contrast</source>
        <translation>고대비(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/presentation.py" line="117"/>
        <source>Zoom %1 %</source>
        <translation>확대 %1 %</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../gui/preset_titles.py" line="13"/>
        <source>Seed 000: 3-3-3-3, ReLU → sigmoid → softmax with cross-entropy</source>
        <translation>시드 000: 3-3-3-3, ReLU → 시그모이드 → 소프트맥스, 교차 엔트로피 손실</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="15"/>
        <source>Seed 001: one input, one hidden neuron, one output, mean squared error</source>
        <translation>시드 001: 입력 하나, 은닉 뉴런 하나, 출력 하나, 평균제곱오차</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="16"/>
        <source>Seed 002: 2-3-2 network, node by node</source>
        <translation>시드 002: 2-3-2 신경망, 노드별 계산</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="17"/>
        <source>Seed 002: three layers in matrix form</source>
        <translation>시드 002: 세 층을 행렬 형태로</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="19"/>
        <source>Seed 003: a sigmoid perceptron with momentum (logical OR)</source>
        <translation>시드 003: 모멘텀을 쓰는 시그모이드 퍼셉트론 (논리합 OR)</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="21"/>
        <source>Seed 004: the 2-2-2 sigmoid network, worked by hand</source>
        <translation>시드 004: 손으로 풀어 보는 2-2-2 시그모이드 신경망</translation>
    </message>
    <message>
        <location filename="../../gui/preset_titles.py" line="22"/>
        <source>XOR: 2-2-1</source>
        <translation>XOR: 2-2-1</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../gui/print_pages.py" line="108"/>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="110"/>
        <source>Print the derivation of the selected item and the walk-through</source>
        <translation>선택한 항목의 미분 풀이와 따라가기를 인쇄합니다</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="112"/>
        <source>Save as P&amp;DF…</source>
        <translation>PDF로 저장(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="113"/>
        <source>Save the derivation of the selected item and the walk-through as a PDF</source>
        <translation>선택한 항목의 미분 풀이와 따라가기를 PDF로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="124"/>
        <source>Sent to the printer</source>
        <translation>프린터로 보냈습니다</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="129"/>
        <source>Save as PDF</source>
        <translation>PDF로 저장</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="130"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="139"/>
        <source>Could not save the PDF</source>
        <translation>PDF를 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="140"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="142"/>
        <source>Saved as PDF: %1</source>
        <translation>PDF로 저장됨: %1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../gui/print_pages.py" line="54"/>
        <source>Nothing is selected: no derivation to print.</source>
        <translation>선택한 항목이 없어 인쇄할 미분 풀이가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="58"/>
        <source>Derivation of %1</source>
        <translation>%1의 미분 풀이</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="79"/>
        <source>The rest of the walk-through is left out while the exercise on %1 is open.</source>
        <translation>%1 문제를 푸는 동안에는 따라가기의 나머지를 싣지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="82"/>
        <source>… and %1 more steps</source>
        <translation>… 그리고 %1단계 더</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="84"/>
        <source>Walk-through: one forward and backward pass and one update</source>
        <translation>따라가기: 순전파와 역전파 한 번, 갱신 한 번</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="85"/>
        <source>sample %1 of %2 · η = %3</source>
        <translation>샘플 %1 / %2 · η = %3</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="94"/>
        <source>Backprop Lab</source>
        <translation>Backprop Lab</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="96"/>
        <source>at step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <location filename="../../gui/print_pages.py" line="135"/>
        <source>Walk-through</source>
        <translation>따라가기</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gui/qt_words.py" line="15"/>
        <source>Drive</source>
        <translation>드라이브</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/qt_words.py" line="14"/>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/qt_words.py" line="14"/>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QWhatsThisAction</name>
    <message>
        <location filename="../../gui/qt_words.py" line="15"/>
        <source>What&apos;s This?</source>
        <translation>이것에 대한 설명</translation>
    </message>
</context>
<context>
    <name>RunLoop</name>
    <message>
        <location filename="../../gui/runner.py" line="161"/>
        <source>&amp;Cancel looking back</source>
        <translation>되돌아보기 취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="162"/>
        <source>Stop looking back: nothing changes, the network shown stays as it is (Esc)</source>
        <translation>되돌아보기 중지: 아무것도 바뀌지 않고, 보이는 신경망은 그대로 남습니다(Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="163"/>
        <source>&amp;Cancel Step ×N</source>
        <translation>N단계 취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="164"/>
        <source>Stop here: the steps taken so far stay, as one undo step (Esc)</source>
        <translation>여기서 멈춤: 지금까지 진행한 단계는 실행 취소 한 번으로 되돌릴 수 있게 남습니다 (Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="176"/>
        <source>Looking back at step %1 cancelled</source>
        <translation>%1단계 되돌아보기를 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="178"/>
        <source>Step ×N cancelled after %1 of %2 steps</source>
        <translation>N단계를 %2단계 중 %1단계에서 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="297"/>
        <source>Run stopped after %1 steps, at step %2</source>
        <translation>%1걸음 후 실행을 멈췄습니다 (%2번째 걸음)</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="299"/>
        <source>Run stopped at step %2: the loss reached the target %1</source>
        <translation>%2번째 걸음에서 실행을 멈췄습니다: 손실이 목표 %1에 닿았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/runner.py" line="302"/>
        <source>Run stopped at step %2: the loss has stopped changing (over the last %1 steps)</source>
        <translation>%2번째 걸음에서 실행을 멈췄습니다: 손실이 더 이상 변하지 않습니다 (최근 %1걸음 동안)</translation>
    </message>
</context>
<context>
    <name>RunPace</name>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="24"/>
        <source>How fast Run goes: from one update a second (each change marked as it happens) to as fast as the machine goes</source>
        <translation>실행 속도: 초당 한 번 갱신(바뀐 값을 그때그때 표시)부터 컴퓨터가 낼 수 있는 최고 속도까지</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="34"/>
        <source>never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="35"/>
        <source>Run stops by itself after this many steps (0: never)</source>
        <translation>이만큼의 걸음 뒤에 실행이 저절로 멈춥니다 (0: 멈추지 않음)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="39"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="40"/>
        <source>Run stops by itself when the loss E is at or below this (empty: never; Enter to apply)</source>
        <translation>손실 E가 이 값 이하가 되면 실행이 저절로 멈춥니다 (비우면 멈추지 않음, Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="42"/>
        <source>when the loss stops changing</source>
        <translation>손실이 더 이상 변하지 않으면</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="48"/>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="50"/>
        <source>Stop after</source>
        <translation>멈춤: 걸음 수</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="51"/>
        <source>Stop at E ≤</source>
        <translation>멈춤: E ≤</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="60"/>
        <source>as fast as it goes</source>
        <translation>최대 속도</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="62"/>
        <source>1 update a second</source>
        <translation>초당 1번 갱신</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="64"/>
        <source>%1 updates a second</source>
        <translation>초당 %1번 갱신</translation>
    </message>
    <message>
        <location filename="../../gui/panels/run_pace.py" line="79"/>
        <source>The target loss is a number ≥ 0</source>
        <translation>목표 손실은 0 이상의 수입니다</translation>
    </message>
</context>
<context>
    <name>SamplePicker</name>
    <message>
        <location filename="../../gui/panels/sample_picker.py" line="15"/>
        <source>Which sample the diagram, tables and derivatives show</source>
        <translation>다이어그램, 표, 미분이 보여 줄 샘플</translation>
    </message>
    <message>
        <location filename="../../gui/panels/sample_picker.py" line="24"/>
        <source>next update: sample %1</source>
        <translation>다음 갱신: 샘플 %1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/sample_picker.py" line="26"/>
        <source>next update: all %1 samples (mean)</source>
        <translation>다음 갱신: 샘플 %1개 전체 (평균)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/sample_picker.py" line="27"/>
        <source>next update: mean of samples %1</source>
        <translation>다음 갱신: 샘플 %1의 평균</translation>
    </message>
    <message>
        <location filename="../../gui/panels/sample_picker.py" line="37"/>
        <source>sample %1</source>
        <translation>샘플 %1</translation>
    </message>
</context>
<context>
    <name>SaveFirst</name>
    <message>
        <location filename="../../gui/save_first.py" line="15"/>
        <source>Closing: saving %1 first…</source>
        <translation>창 닫기: 먼저 %1 저장 중…</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="16"/>
        <source>Opening: saving %1 first…</source>
        <translation>열기: 먼저 %1 저장 중…</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="17"/>
        <source>New network: saving %1 first…</source>
        <translation>새 신경망: 먼저 %1 저장 중…</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="23"/>
        <source>The window closes once %1 is saved (Esc cancels both)</source>
        <translation>%1이(가) 저장되면 창을 닫습니다(Esc는 둘 다 취소)</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="24"/>
        <source>A file is opened once %1 is saved (Esc cancels both)</source>
        <translation>%1이(가) 저장되면 파일을 엽니다(Esc는 둘 다 취소)</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="25"/>
        <source>A new network follows once %1 is saved (Esc cancels both)</source>
        <translation>%1이(가) 저장되면 새 신경망을 만듭니다(Esc는 둘 다 취소)</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="30"/>
        <source>The window stays open; the changes are not saved.</source>
        <translation>창은 열려 있고, 바뀐 내용은 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="31"/>
        <source>Nothing was opened; the changes are not saved.</source>
        <translation>아무것도 열지 않았고, 바뀐 내용은 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/save_first.py" line="32"/>
        <source>No new network was made; the changes are not saved.</source>
        <translation>새 신경망을 만들지 않았고, 바뀐 내용은 저장되지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ScriptExports</name>
    <message>
        <location filename="../../gui/script_export.py" line="18"/>
        <source>Export as &amp;NumPy script…</source>
        <translation>NumPy 스크립트로 내보내기(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="20"/>
        <source>Export as P&amp;yTorch script…</source>
        <translation>PyTorch 스크립트로 내보내기(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="26"/>
        <source>Export as NumPy script</source>
        <translation>NumPy 스크립트로 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="26"/>
        <source>Export as PyTorch script</source>
        <translation>PyTorch 스크립트로 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="28"/>
        <source>Python script (*.py)</source>
        <translation>파이썬 스크립트 (*.py)</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="37"/>
        <source>Could not export the script</source>
        <translation>스크립트를 내보낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/script_export.py" line="39"/>
        <source>Script written to %1: run it with python to train as here</source>
        <translation>%1에 스크립트를 썼습니다: python으로 실행하면 여기서와 똑같이 학습합니다</translation>
    </message>
</context>
<context>
    <name>SelectedPanel</name>
    <message>
        <location filename="../../gui/panels/selected.py" line="110"/>
        <source>&lt;p style=&apos;color:#666&apos;&gt;Click a weight, a bias or a neuron (in the diagram or a table) to see its value, its gradient, the chain rule behind it and its next update.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#666&apos;&gt;가중치, 편향 또는 뉴런을 (다이어그램이나 표에서) 클릭하면 그 값, 기울기, 연쇄 법칙, 다음 갱신이 보입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="126"/>
        <source>weight from %1 to %2</source>
        <translation>%1에서 %2(으)로 가는 가중치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="129"/>
        <source>bias of layer %1</source>
        <translation>%1층의 편향</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="131"/>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="133"/>
        <source>output neuron</source>
        <translation>출력층 뉴런</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="135"/>
        <source>hidden neuron</source>
        <translation>은닉층 뉴런</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="136"/>
        <source> (frozen)</source>
        <translation> (고정됨)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="139"/>
        <source> (locked by the teacher: it cannot be changed)</source>
        <translation> (선생님이 잠금: 바꿀 수 없습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="148"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="152"/>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="155"/>
        <source>mean over %1 samples</source>
        <translation>샘플 %1개의 평균</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="165"/>
        <source>next update</source>
        <translation>다음 갱신</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="165"/>
        <source>uses sample(s) %1</source>
        <translation>샘플 %1 사용</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="168"/>
        <source>not while viewing the past</source>
        <translation>과거를 보는 동안에는 없음</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="170"/>
        <source>frozen: the update leaves %1 = %2</source>
        <translation>고정됨: 갱신 후에도 %1 = %2</translation>
    </message>
    <message>
        <location filename="../../gui/panels/selected.py" line="211"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../gui/session.py" line="112"/>
        <source>Could not apply %1: %2</source>
        <translation>%1을(를) 적용하지 못했습니다: %2</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="57"/>
        <source>Showing step %1 of the past (read-only): return to the present or branch from here first</source>
        <translation>과거의 %1단계를 보는 중입니다 (읽기 전용): 먼저 현재로 돌아가거나 여기서 갈라져 나오세요</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="113"/>
        <location filename="../../gui/session_edits.py" line="128"/>
        <source>No such parameter</source>
        <translation>그런 매개변수는 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="118"/>
        <source>No such input</source>
        <translation>그런 입력은 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="123"/>
        <source>No such target</source>
        <translation>그런 목표값은 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="136"/>
        <location filename="../../gui/session_edits.py" line="155"/>
        <source>No such setting</source>
        <translation>그런 설정은 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="160"/>
        <source>Update rule %1</source>
        <translation>갱신 규칙 %1</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="176"/>
        <source>Add sample</source>
        <translation>샘플 추가</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="183"/>
        <source>The data set needs at least one sample</source>
        <translation>데이터에는 샘플이 하나 이상 있어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="188"/>
        <location filename="../../gui/session_edits.py" line="199"/>
        <source>No such sample</source>
        <translation>그런 샘플은 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="190"/>
        <source>Remove sample %1</source>
        <translation>샘플 %1 삭제</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="208"/>
        <source>Move sample %1</source>
        <translation>샘플 %1 옮기기</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="221"/>
        <source>The data has %1 inputs and %2 targets; the network takes %3 inputs and gives %4 outputs</source>
        <translation>데이터의 입력은 %1개, 목표는 %2개입니다. 신경망은 입력 %3개를 받고 출력 %4개를 냅니다</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="234"/>
        <source>Some numbers are locked: unlock them (Edit → Teacher) before changing the architecture</source>
        <translation>잠긴 숫자가 있습니다: 구조를 바꾸기 전에 잠금을 푸세요 (편집 → 교사)</translation>
    </message>
    <message>
        <location filename="../../gui/session_edits.py" line="263"/>
        <source>Not editable now</source>
        <translation>지금은 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="240"/>
        <source>To stay within its memory budget the history keeps the loss of every step from step %1 on, and of one step in %2 or more before it (the plot shows those); any step can still be looked at</source>
        <translation>메모리 한도를 지키려고 기록은 %1단계부터는 모든 단계의 손실을, 그 이전은 %2단계 이상마다 하나씩만 남깁니다 (그래프는 남은 것을 보여 줍니다). 어느 단계든 여전히 되돌아볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="245"/>
        <source>The history is near its memory budget: past %1 steps it will keep only every 2nd, 4th … loss of the oldest steps for the plot; training goes on</source>
        <translation>기록이 메모리 한도에 가까워졌습니다: %1단계를 넘으면 가장 오래된 단계의 손실은 그래프용으로 2번째, 4번째 … 것만 남깁니다. 학습은 계속됩니다</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="294"/>
        <source>Training is running: pause it first</source>
        <translation>학습 중입니다: 먼저 일시 정지하세요</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="353"/>
        <source>Showing step %1</source>
        <translation>%1단계 보기</translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="368"/>
        <source>Click a point of the loss plot first</source>
        <translation>먼저 손실 그래프의 점을 클릭하세요</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../gui/setting_words.py" line="13"/>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="14"/>
        <location filename="../../gui/setting_words.py" line="29"/>
        <source>momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="15"/>
        <source>update mode</source>
        <translation>업데이트 방식</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="16"/>
        <source>shuffle</source>
        <translation>섞기</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="17"/>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="18"/>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="19"/>
        <source>update rule</source>
        <translation>갱신 규칙</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="20"/>
        <source>β₁ (Adam&apos;s decay of m)</source>
        <translation>β₁(Adam의 m 감쇠율)</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="21"/>
        <source>β₂ (Adam&apos;s decay of v)</source>
        <translation>β₂(Adam의 v 감쇠율)</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="22"/>
        <source>ε (Adam)</source>
        <translation>ε(Adam)</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="23"/>
        <source>weight decay λ</source>
        <translation>가중치 감쇠 λ</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="24"/>
        <source>batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="29"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="30"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="35"/>
        <source>mean over the batch</source>
        <translation>배치 평균</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="36"/>
        <source>sum over the batch</source>
        <translation>배치 합</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="41"/>
        <source>per sample (SGD)</source>
        <translation>샘플별 (SGD)</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="42"/>
        <source>mini-batch</source>
        <translation>미니배치</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="43"/>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="50"/>
        <source>The %1 must be greater than %2</source>
        <translation>%1은(는) %2보다 커야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="51"/>
        <source>The %1 must be at least %2</source>
        <translation>%1은(는) %2 이상이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="54"/>
        <source>The %1 must be less than %3</source>
        <translation>%1은(는) %3 미만이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="55"/>
        <source>The %1 must be at most %3</source>
        <translation>%1은(는) %3 이하여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="58"/>
        <source>The %1 must be greater than %2 and less than %3</source>
        <translation>%1은(는) %2 초과 %3 미만이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="59"/>
        <source>The %1 must be greater than %2 and at most %3</source>
        <translation>%1은(는) %2 초과 %3 이하여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="61"/>
        <source>The %1 must be at least %2 and less than %3</source>
        <translation>%1은(는) %2 이상 %3 미만이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="62"/>
        <source>The %1 must be from %2 to %3</source>
        <translation>%1은(는) %2 이상 %3 이하여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="71"/>
        <source>The %1 must be one of the listed choices</source>
        <translation>%1은(는) 목록에 있는 값 중 하나여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="73"/>
        <source>The %1 must be a whole number</source>
        <translation>%1은(는) 정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/setting_words.py" line="75"/>
        <source>The %1 must be a finite number</source>
        <translation>%1은(는) 유한한 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="68"/>
        <source>must be true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="70"/>
        <source>must be one of %1</source>
        <translation>%1 중 하나여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="73"/>
        <source>must be a whole number from %1 to %2</source>
        <translation>%1부터 %2까지의 정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="74"/>
        <source>must be a number from %1 to %2</source>
        <translation>%1부터 %2까지의 수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="76"/>
        <source>must be a positive number</source>
        <translation>양수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="79"/>
        <source>above %1</source>
        <translation>%1 초과</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="80"/>
        <source>at least %1</source>
        <translation>%1 이상</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="82"/>
        <source>below %1</source>
        <translation>%1 미만</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="83"/>
        <source>at most %1</source>
        <translation>%1 이하</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="85"/>
        <source>must be %1</source>
        <translation>%1이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="85"/>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="86"/>
        <source>must be a whole number</source>
        <translation>정수여야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/model/settings.py" line="86"/>
        <source>must be a number</source>
        <translation>수여야 합니다</translation>
    </message>
</context>
<context>
    <name>SourceNotes</name>
    <message>
        <location filename="../../core/teaching/source_words.py" line="14"/>
        <source>1. output layer weights</source>
        <translation>1. 출력층 가중치</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="15"/>
        <source>2. hidden layer weights</source>
        <translation>2. 은닉층 가중치</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="16"/>
        <source>2. hidden layer weights, bias</source>
        <translation>2. 은닉층 가중치, 편향</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="17"/>
        <source>W11 is 0.3 (as the code sets it): W11+ = 0.3 - 0.5 * 0.00080888 = 0.29959556, which is the result printed</source>
        <translation>W11은 0.3입니다(코드가 그렇게 정함): W11+ = 0.3 - 0.5 * 0.00080888 = 0.29959556, 인쇄된 결과가 바로 이 값입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="19"/>
        <source>[2] output layer</source>
        <translation>[2] 출력층</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="20"/>
        <source>a closing brace is missing: \frac{\partial z_1}{\partial W_{11}}</source>
        <translation>닫는 중괄호가 빠졌습니다: \frac{\partial z_1}{\partial W_{11}}</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="21"/>
        <source>a doubled &quot;0.&quot;: h2 = sigmoid(z2) = 0.52747230 (the code output prints 0.527472304345)</source>
        <translation>&quot;0.&quot;이 두 번 찍혔습니다: h2 = sigmoid(z2) = 0.52747230 (코드 출력은 0.527472304345)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="23"/>
        <source>back propagation step 1, U11+ = 0.45 - 0.5 * 0.02592286</source>
        <translation>역전파 1단계, U11+ = 0.45 - 0.5 * 0.02592286</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="24"/>
        <source>back propagation step 1, U12+</source>
        <translation>역전파 1단계, U12+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="25"/>
        <source>back propagation step 1, U21+</source>
        <translation>역전파 1단계, U21+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="26"/>
        <source>back propagation step 1, U22+</source>
        <translation>역전파 1단계, U22+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="27"/>
        <source>back propagation step 1, chain rule of dE/dU12</source>
        <translation>역전파 1단계, dE/dU12의 연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="28"/>
        <source>back propagation step 1, dE/dU11</source>
        <translation>역전파 1단계, dE/dU11</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="29"/>
        <source>back propagation step 1, learning rate α</source>
        <translation>역전파 1단계, 학습률 α</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="30"/>
        <source>back propagation step 1, third term</source>
        <translation>역전파 1단계, 세 번째 항</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="31"/>
        <source>back propagation step 2, W11+</source>
        <translation>역전파 2단계, W11+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="32"/>
        <source>back propagation step 2, W11+ = 0.2 - 0.5 * 0.00080888</source>
        <translation>역전파 2단계, W11+ = 0.2 - 0.5 * 0.00080888</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="33"/>
        <source>back propagation step 2, W12+</source>
        <translation>역전파 2단계, W12+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="34"/>
        <source>back propagation step 2, W21+</source>
        <translation>역전파 2단계, W21+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="35"/>
        <source>back propagation step 2, W22+</source>
        <translation>역전파 2단계, W22+</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="36"/>
        <source>back propagation step 2, chain rule of dE/dW12</source>
        <translation>역전파 2단계, dE/dW12의 연쇄 법칙</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="37"/>
        <source>back propagation step 2, dE/dW11</source>
        <translation>역전파 2단계, dE/dW11</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="38"/>
        <source>back propagation step 2, dE/dh1 = dE1/dh1 + dE2/dh1</source>
        <translation>역전파 2단계, dE/dh1 = dE1/dh1 + dE2/dh1</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="39"/>
        <source>back propagation step 2, dE1/dh1 = -(y1-o1)*o1(1-o1)*U11</source>
        <translation>역전파 2단계, dE1/dh1 = -(y1-o1)*o1(1-o1)*U11</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="40"/>
        <source>back propagation step 2, dE2/dh1 = -(y2-o2)*o2(1-o2)*U12</source>
        <translation>역전파 2단계, dE2/dh1 = -(y2-o2)*o2(1-o2)*U12</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="41"/>
        <source>back propagation step 2, h1(1-h1)</source>
        <translation>역전파 2단계, h1(1-h1)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="42"/>
        <source>back propagation step 2, summary of dE/dW11</source>
        <translation>역전파 2단계, dE/dW11 정리</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="43"/>
        <source>back propagation step 2, x1 in 0.03240681×0.24960043×0.1</source>
        <translation>역전파 2단계, 0.03240681×0.24960043×0.1의 x1</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="44"/>
        <source>code output</source>
        <translation>코드 출력</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="45"/>
        <source>code: layer.update_w = 0.5 * layer.update_w + ...</source>
        <translation>코드: layer.update_w = 0.5 * layer.update_w + ...</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="46"/>
        <source>d/dz e^{-z} = −e^{-z} (the derivative is taken with respect to z)</source>
        <translation>d/dz e^{-z} = −e^{-z} (z에 대해 미분합니다)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="47"/>
        <source>derivative of the sigmoid</source>
        <translation>시그모이드의 도함수</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="48"/>
        <source>error</source>
        <translation>오차</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="49"/>
        <source>forward pass, hidden layer</source>
        <translation>순전파, 은닉층</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="50"/>
        <source>forward pass, output layer</source>
        <translation>순전파, 출력층</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="51"/>
        <source>initial values (code)</source>
        <translation>초깃값 (코드)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="52"/>
        <source>matrix form</source>
        <translation>행렬 형태</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="53"/>
        <source>stochastic gradient descent</source>
        <translation>확률적 경사 하강법</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="54"/>
        <source>t1 = U11*h1 + U21*h2 (h2, not t2), as in the forward pass; ∂t1/∂U11 = h1 is right</source>
        <translation>순전파에서처럼 t1 = U11*h1 + U21*h2 (t2가 아니라 h2); ∂t1/∂U11 = h1은 맞습니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="56"/>
        <source>t1 = U11*h1 + U21*h2: the second term takes h2, not t2 (the code writes t1 = h1*U11+h2*U21, and only that gives the printed 0.44498412)</source>
        <translation>t1 = U11*h1 + U21*h2: 둘째 항에는 t2가 아니라 h2가 들어갑니다 (코드는 t1 = h1*U11+h2*U21이라 쓰고, 그래야만 인쇄된 0.44498412가 나옵니다)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="58"/>
        <source>t2 = U12*h1 + U22*h2: t2 cannot be defined by itself; the second term takes h2 (the code writes t2 = h1*U12+h2*U22, and only that gives the printed 0.68047592)</source>
        <translation>t2 = U12*h1 + U22*h2: t2를 t2 자신으로 정의할 수는 없습니다. 둘째 항에는 h2가 들어갑니다 (코드는 t2 = h1*U12+h2*U22라 쓰고, 그래야만 인쇄된 0.68047592가 나옵니다)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="61"/>
        <source>the first line sets the derivative equal to E itself: it should read ∂E/∂w_jk = ∂/∂w_jk ½ Σ_k (a_k − t_k)²</source>
        <translation>첫 줄은 도함수를 E 자체와 같다고 씁니다: ∂E/∂w_jk = ∂/∂w_jk ½ Σ_k (a_k − t_k)²이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="63"/>
        <source>the heading over E1, E2 and E: these are half squared errors, not an entropy (and the word is misspelt)</source>
        <translation>E1, E2, E 위의 제목: 이것은 엔트로피가 아니라 제곱 오차의 절반입니다 (철자도 틀렸습니다)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="65"/>
        <source>the hidden weight gradient is δ_j a_i; dropping a_i from it gives dE/db_j = δ_j (the text then writes ∂E/∂b_i where b_j is meant)</source>
        <translation>은닉층 가중치의 기울기는 δ_j a_i이고, 여기서 a_i를 빼면 dE/db_j = δ_j입니다 (본문은 b_j를 뜻하는 자리에 ∂E/∂b_i라고 씁니다)</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="67"/>
        <source>the loss used is E = ½ Σ_k (y_k − o_k)² (E1 = ½(y1−o1)², E2 = ½(y2−o2)²), the half sum of squares; it agrees with 1/N Σ only because there are N = 2 outputs, and ŷ lacks its index i</source>
        <translation>쓰인 손실은 제곱합의 절반 E = ½ Σ_k (y_k − o_k)² (E1 = ½(y1−o1)², E2 = ½(y2−o2)²)입니다. 1/N Σ와 같아지는 것은 출력이 N = 2개이기 때문일 뿐이며, ŷ에는 첨자 i가 빠졌습니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="70"/>
        <source>the objective defined above is the mean squared error J = 1/N Σ (y − φ(z))², not SSE</source>
        <translation>위에서 정의한 목적 함수는 SSE가 아니라 평균 제곱 오차 J = 1/N Σ (y − φ(z))²입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="72"/>
        <source>the output neuron&apos;s bias is b_k: z_k = b_k + Σ_j g_j(z_j) w_jk</source>
        <translation>출력 뉴런의 편향은 b_k입니다: z_k = b_k + Σ_j g_j(z_j) w_jk</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="73"/>
        <source>the sigmoid is 1/(1+e^{-z}), with a plus sign</source>
        <translation>시그모이드는 더하기 부호가 있는 1/(1+e^{-z})입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="74"/>
        <source>the variable is z throughout: d/dz [1/(1+e^{-z})]; three lines of the derivation write e^{-x}</source>
        <translation>변수는 처음부터 끝까지 z입니다: d/dz [1/(1+e^{-z})]; 유도의 세 줄이 e^{-x}라고 씁니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="76"/>
        <source>x_2 = f_2(W_2 x_1): a minus sign stands where the subscript&apos;s underscore belongs</source>
        <translation>x_2 = f_2(W_2 x_1): 아래 첨자의 밑줄 자리에 빼기 부호가 찍혔습니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="78"/>
        <source>z_j = b_j + Σ_i a_i w_ij: the hidden bias is b_j and the inputs are a_i, not z_i</source>
        <translation>z_j = b_j + Σ_i a_i w_ij: 은닉층 편향은 b_j이고 입력은 z_i가 아니라 a_i입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="80"/>
        <source>δ^(L) is dJ/dz^(L), the derivative with respect to the output neuron&apos;s input; dJ/dθ is δ times the activation feeding the weight</source>
        <translation>δ^(L)은 dJ/dz^(L), 곧 출력 뉴런의 가중합에 대한 도함수입니다. dJ/dθ는 δ에 그 가중치로 들어가는 활성값을 곱한 것입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="82"/>
        <source>∂t2/∂U12: U12 carries h1 into t2 (t1 does not depend on U12, so ∂t1/∂U12 = 0); the printed U12+ = 0.69629578 is the one ∂t2/∂U12 = h1 gives</source>
        <translation>∂t2/∂U12: U12는 h1을 t2로 보냅니다 (t1은 U12에 의존하지 않으므로 ∂t1/∂U12 = 0). 인쇄된 U12+ = 0.69629578은 ∂t2/∂U12 = h1로 얻는 값입니다</translation>
    </message>
    <message>
        <location filename="../../core/teaching/source_words.py" line="84"/>
        <source>∂z2/∂W12: W12 carries x1 into z2 (z1 does not depend on W12, so ∂z1/∂W12 = 0 and W12 would not move); the printed W12+ = 0.39964496 is the one ∂z2/∂W12 = x1 gives</source>
        <translation>∂z2/∂W12: W12는 x1을 z2로 보냅니다 (z1은 W12에 의존하지 않으므로 ∂z1/∂W12 = 0이고 W12는 움직이지 않을 것입니다). 인쇄된 W12+ = 0.39964496은 ∂z2/∂W12 = x1로 얻는 값입니다</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="38"/>
        <source>number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="38"/>
        <source>the text prints</source>
        <translation>본문 값</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="38"/>
        <source>engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="39"/>
        <source>where / note</source>
        <translation>위치 / 메모</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="61"/>
        <source>✓ the engine&apos;s value, rounded to the printed digits, reads as printed · ✗ a typo in the text: the note says what is wrong and the engine column shows the right value · ✎ a formula printed wrongly · ≠ differs</source>
        <translation>✓ 엔진 값을 본문 자릿수로 반올림하면 본문과 같음 · ✗ 본문의 오타: 메모에 무엇이 틀렸는지, 엔진 열에 바른 값이 있음 · ✎ 식이 잘못 인쇄됨 · ≠ 다름</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="117"/>
        <source>This network was not built from a text, so there are no printed numbers to compare.</source>
        <translation>이 신경망은 본문에서 만든 것이 아니어서 비교할 인쇄된 숫자가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="161"/>
        <source>typo in the text: %1</source>
        <translation>본문의 오타: %1</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="164"/>
        <source>differs from the engine (%1)</source>
        <translation>엔진과 다름 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="135"/>
        <source>%1: %2 printed numbers match the engine, %3 are typos in the text</source>
        <translation>%1: 인쇄된 숫자 %2개가 엔진과 같고, %3개는 본문의 오타입니다</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="136"/>
        <source>this project</source>
        <translation>이 프로젝트</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="139"/>
        <source>%1 differ: the numbers were changed since the text</source>
        <translation>%1개 다름: 본문 이후 숫자가 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="186"/>
        <source>✗ %1: the text prints %2, the right value is %3. %4</source>
        <translation>✗ %1: 본문에는 %2, 바른 값은 %3. %4</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="189"/>
        <source>✎ the text prints “%1”: %2</source>
        <translation>✎ 본문에는 “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="191"/>
        <source>≠ %1: the text prints %2, the engine now gives %3 (%4)</source>
        <translation>≠ %1: 본문에는 %2, 지금 엔진 값은 %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="194"/>
        <source>? %1: the engine has no such number</source>
        <translation>? %1: 엔진에 그런 숫자가 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/source_panel.py" line="195"/>
        <source>✓ %1 = %2, as the text prints (%3)</source>
        <translation>✓ %1 = %2, 본문과 같음 (%3)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../gui/panels/status.py" line="62"/>
        <source>step %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status.py" line="25"/>
        <source>Loss over all samples at the weights shown</source>
        <translation>보이는 가중치에서 전체 샘플의 손실</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status.py" line="66"/>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status.py" line="66"/>
        <source>running…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status.py" line="66"/>
        <source>diverged: paused</source>
        <translation>발산: 멈춤</translation>
    </message>
    <message>
        <location filename="../../gui/panels/status.py" line="69"/>
        <source>viewing step %1</source>
        <translation>%1단계 보는 중</translation>
    </message>
</context>
<context>
    <name>SweepRun</name>
    <message>
        <location filename="../../gui/sweep_run.py" line="97"/>
        <source>Open sweep copy %1 (η = %2)</source>
        <translation>스윕 복제 %1 열기 (η = %2)</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="101"/>
        <source>Copy %1 (η = %2) diverged at step %3: opened at step %4, the last state before it; Undo returns to before</source>
        <translation>복제 %1 (η = %2)은(는) %3단계에서 발산했습니다: 그 전의 마지막 상태인 %4단계로 열었습니다. 실행 취소하면 이전으로 돌아갑니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="104"/>
        <source>Copy %1 (η = %2) opened: %4 steps trained from where the sweep began; Undo returns to before</source>
        <translation>복제 %1 (η = %2)을(를) 열었습니다: 스윕이 시작된 상태에서 %4단계 학습했습니다. 실행 취소하면 이전으로 돌아갑니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="116"/>
        <source>Training is running: pause it before opening a copy</source>
        <translation>학습 중입니다: 복제를 열기 전에 일시 정지하세요</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="118"/>
        <source>Some numbers are locked: unlock them (Edit → Teacher) before opening a sweep&apos;s copy</source>
        <translation>잠긴 숫자가 있습니다: 스윕의 복제를 열기 전에 잠금을 푸세요 (편집 → 교사)</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="134"/>
        <source>Opening copy %1: %2 of %3 steps</source>
        <translation>복제 %1 여는 중: %3단계 중 %2단계</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="135"/>
        <source>Opening copy %1 cancelled: nothing changed</source>
        <translation>복제 %1 열기를 취소했습니다: 바뀐 것은 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="136"/>
        <source>Stop opening copy %1: nothing is opened, the window stays as it is (Esc)</source>
        <translation>복제 %1 열기 중지: 아무것도 열리지 않고, 창은 그대로 남습니다(Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_run.py" line="138"/>
        <source>&amp;Cancel opening the copy</source>
        <translation>복제 열기 취소(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SweepWindow</name>
    <message>
        <location filename="../../gui/sweep_window.py" line="45"/>
        <source>Learning-rate sweep</source>
        <translation>학습률 스윕</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="57"/>
        <source>Run sweep</source>
        <translation>스윕 실행</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="59"/>
        <source>Stop</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="64"/>
        <source>Run a sweep, then click a point to open that run</source>
        <translation>스윕을 실행한 뒤 점을 클릭하면 그 실행을 엽니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="80"/>
        <source>learning rate η (log scale)</source>
        <translation>학습률 η (로그 눈금)</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="81"/>
        <source>final loss E</source>
        <translation>최종 손실 E</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="91"/>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="92"/>
        <source>loss E</source>
        <translation>손실 E</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="100"/>
        <source>η from</source>
        <translation>η 시작</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="100"/>
        <source>to</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="100"/>
        <source>copies</source>
        <translation>복제 수</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="101"/>
        <source>steps</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="128"/>
        <source>The learning rates must be numbers with 0 &lt; from ≤ to</source>
        <translation>학습률은 0 &lt; 시작 ≤ 끝인 숫자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="149"/>
        <source>The sweep stopped on an error: %1</source>
        <translation>오류로 스윕이 멈췄습니다: %1</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="154"/>
        <source>step %1 of %2</source>
        <translation>%2단계 중 %1단계</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="190"/>
        <source>%1 copies × %2 steps; %3 diverged (red ×), red ▲: ended above twice the starting loss</source>
        <translation>복제 %1개 × %2단계. %3개 발산(빨간 ×), 빨간 ▲: 시작 손실의 두 배보다 크게 끝남</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="236"/>
        <source>opening it in the main window (progress and Cancel in its status bar)</source>
        <translation>주 창에서 여는 중 (진행 상황과 취소는 주 창의 상태 표시줄에)</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="247"/>
        <source>not opened: cancelled</source>
        <translation>열지 않음: 취소했습니다</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="253"/>
        <source>Copy %1: η = %2 diverged at step %3</source>
        <translation>복제 %1: η = %2, %3단계에서 발산</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="255"/>
        <source>Copy %1: η = %2, final loss %4</source>
        <translation>복제 %1: η = %2, 최종 손실 %4</translation>
    </message>
    <message>
        <location filename="../../gui/sweep_window.py" line="241"/>
        <source>opened in the main window with its history (Undo returns to before)</source>
        <translation>기록과 함께 주 창에 열었습니다 (실행 취소하면 이전으로 돌아갑니다)</translation>
    </message>
</context>
<context>
    <name>TeacherMenu</name>
    <message>
        <location filename="../../gui/lock.py" line="72"/>
        <source>T&amp;eacher</source>
        <translation>교사(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="73"/>
        <source>Lock every &amp;given number</source>
        <translation>주어진 숫자 모두 잠그기(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="74"/>
        <source>Weights, biases, inputs and targets can no longer be changed</source>
        <translation>가중치, 편향, 입력, 목표값을 더는 바꿀 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="75"/>
        <source>&amp;Unlock every number</source>
        <translation>모든 숫자 잠금 풀기(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="76"/>
        <source>&amp;Hide the answers while exercises are open</source>
        <translation>문제가 열려 있는 동안 정답 숨기기(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="85"/>
        <source>Un&amp;lock %1</source>
        <translation>%1 잠금 풀기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="85"/>
        <source>&amp;Lock %1</source>
        <translation>%1 잠그기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/lock.py" line="86"/>
        <source>&amp;Lock the selected number</source>
        <translation>선택한 숫자 잠그기(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Teaching</name>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="41"/>
        <source>Walk-through</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="42"/>
        <source>Derivation</source>
        <translation>미분 풀이</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="43"/>
        <source>Check your answer</source>
        <translation>답 확인</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="44"/>
        <source>Matches the source</source>
        <translation>본문 대조</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="45"/>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="51"/>
        <source>Walk</source>
        <translation>따라가기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="52"/>
        <source>Derive</source>
        <translation>미분 풀이</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="53"/>
        <source>Exercises</source>
        <translation>답 확인</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="54"/>
        <source>Source</source>
        <translation>본문 대조</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/__init__.py" line="55"/>
        <source>Grad check</source>
        <translation>기울기 검사</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../../gui/tour.py" line="20"/>
        <source>The network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="21"/>
        <source>Every neuron and weight with its number. Click one to select it; drag a number sideways to change it, or double-click it to type.</source>
        <translation>모든 뉴런과 가중치가 숫자와 함께 보입니다. 클릭하면 선택되고, 숫자를 옆으로 끌면 바뀌며, 더블클릭하면 직접 입력합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="23"/>
        <source>Selected</source>
        <translation>선택한 값</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="24"/>
        <source>What you clicked: its value, its gradient written out with the chain rule, and how the next step changes it. Learn, beside it, walks through a whole pass.</source>
        <translation>클릭한 것의 값, 연쇄 법칙으로 풀어 쓴 기울기, 다음 단계에서 어떻게 바뀌는지. 옆의 배우기 탭은 한 번의 계산 전체를 따라갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="26"/>
        <source>The loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="27"/>
        <source>The loss after every step. Click a step to see the network as it was then.</source>
        <translation>단계마다의 손실입니다. 단계를 클릭하면 그때의 신경망이 보입니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="28"/>
        <source>Controls</source>
        <translation>조작</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="29"/>
        <source>Step (F10), Step ×N and Run (F5) train the network with the learning rate and update rule set here. Help → Guide tells more.</source>
        <translation>한 단계(F10), N단계, 실행(F5)은 여기서 정한 학습률과 갱신 방식으로 신경망을 학습시킵니다. 더 자세한 것은 도움말 → 창 안내에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="73"/>
        <source>Skip tour</source>
        <translation>둘러보기 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="111"/>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="114"/>
        <source>Done</source>
        <translation>마침</translation>
    </message>
    <message>
        <location filename="../../gui/tour.py" line="114"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
</context>
<context>
    <name>TraceExportDialog</name>
    <message>
        <location filename="../../gui/trace_export.py" line="25"/>
        <source>Export trace to CSV</source>
        <translation>학습 기록을 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="30"/>
        <source>Name the columns in the network&apos;s notation (x1, h1, W11, …)</source>
        <translation>열 이름을 이 신경망의 표기로 쓰기 (x1, h1, W11, …)</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="31"/>
        <source>Unticked, the columns have their plain names: a0[1], z1[1], W1[1,1], …</source>
        <translation>선택하지 않으면 열 이름은 기본 이름입니다: a0[1], z1[1], W1[1,1], …</translation>
    </message>
</context>
<context>
    <name>TraceExports</name>
    <message>
        <location filename="../../gui/trace_export.py" line="48"/>
        <source>Export trace to &amp;CSV…</source>
        <translation>학습 기록을 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="84"/>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="85"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="86"/>
        <source>Export trace to CSV</source>
        <translation>학습 기록을 CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="109"/>
        <source>Trace exported: %1 rows to %2</source>
        <translation>학습 기록 %1행을 %2에 내보냈습니다</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="120"/>
        <source>Export cancelled: %1 is as it was</source>
        <translation>내보내기를 취소했습니다: %1은(는) 그대로입니다</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="121"/>
        <source>Export cancelled: %1 was not written</source>
        <translation>내보내기를 취소했습니다: %1은(는) 만들지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../gui/trace_export.py" line="135"/>
        <source>Could not export the trace</source>
        <translation>학습 기록을 내보낼 수 없습니다</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <location filename="../../gui/panels/controls.py" line="37"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="38"/>
        <source>One update of every weight (F10)</source>
        <translation>모든 가중치를 한 번 갱신 (F10)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="39"/>
        <source>Step ×N</source>
        <translation>N단계</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="44"/>
        <source>How many updates Step ×N takes (one undo step)</source>
        <translation>N단계에서 갱신할 횟수 (실행 취소는 한 번에)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="45"/>
        <location filename="../../gui/panels/controls.py" line="140"/>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="47"/>
        <source>Reset</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="48"/>
        <source>Back to the starting weights, step 0 (undoable)</source>
        <translation>처음 가중치, 0단계로 (실행 취소 가능)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="58"/>
        <source>Learning rate η: each update moves w by −η·∂E/∂w (Enter to apply)</source>
        <translation>학습률 η: 갱신마다 w가 −η·∂E/∂w만큼 움직입니다 (Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="73"/>
        <source>shuffle each epoch</source>
        <translation>에폭마다 섞기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="90"/>
        <source>Learning rate η</source>
        <translation>학습률 η</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="91"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="92"/>
        <source>Momentum μ</source>
        <translation>모멘텀 μ</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="93"/>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="94"/>
        <source>Adam β₂</source>
        <translation>Adam β₂</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="95"/>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="96"/>
        <source>Weight decay λ</source>
        <translation>가중치 감쇠 λ</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="97"/>
        <source>Update</source>
        <translation>갱신 방식</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="98"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="99"/>
        <source>Batch loss</source>
        <translation>배치 손실</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="124"/>
        <source>Adam&apos;s β₁ in %1: m ← β₁·m + (1 − β₁)·g (Enter to apply)</source>
        <translation>Adam의 β₁ ∈ %1: m ← β₁·m + (1 − β₁)·g (Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="125"/>
        <source>Adam&apos;s β₂ in %1: v ← β₂·v + (1 − β₂)·g² (Enter to apply)</source>
        <translation>Adam의 β₂ ∈ %1: v ← β₂·v + (1 − β₂)·g² (Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="126"/>
        <source>Adam&apos;s ε in %1: w ← w − η·m̂/(√v̂ + ε) (Enter to apply)</source>
        <translation>Adam의 ε ∈ %1: w ← w − η·m̂/(√v̂ + ε) (Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="127"/>
        <source>Weight decay λ in %1: every update uses g = ∂E/∂w + λ·w, the gradient of E + λ/2·Σw² (Enter to apply)</source>
        <translation>가중치 감쇠 λ ∈ %1: 모든 갱신은 E + λ/2·Σw²의 기울기인 g = ∂E/∂w + λ·w를 씁니다 (Enter로 적용)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="131"/>
        <source>A batch&apos;s loss and gradient: the mean over its samples or their sum</source>
        <translation>배치의 손실과 기울기: 샘플들의 평균 또는 합</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="140"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../gui/panels/controls.py" line="123"/>
        <source>Momentum μ in %1: v ← μ·v − η·∂E/∂w, w ← w + v (Enter to apply)</source>
        <translation>모멘텀 μ ∈ %1: v ← μ·v − η·∂E/∂w, w ← w + v (Enter로 적용)</translation>
    </message>
</context>
<context>
    <name>ValuesPanel</name>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="153"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="153"/>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="153"/>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="153"/>
        <source>Neurons</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="155"/>
        <source>Weights and biases per layer: double-click or type to edit</source>
        <translation>층별 가중치와 편향: 더블클릭하거나 바로 입력해서 바꾸세요</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="160"/>
        <source>{symbols}: the gradient of the loss for each weight and bias</source>
        <translation>{symbols}: 가중치와 편향마다 손실의 기울기</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="162"/>
        <source>{symbols}: each neuron&apos;s net input, output, and δ (how the loss changes with the net input)</source>
        <translation>{symbols}: 뉴런마다 가중합, 출력, δ(가중합에 따라 손실이 변하는 정도)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/values_panel.py" line="156"/>
        <source>Inputs and targets of each sample (editable), outputs and loss</source>
        <translation>샘플마다 입력과 목표값(편집 가능), 출력과 손실</translation>
    </message>
</context>
<context>
    <name>WalkPanel</name>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="47"/>
        <source>forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="48"/>
        <source>error</source>
        <translation>오차</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="49"/>
        <source>output layer</source>
        <translation>출력층</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="50"/>
        <source>hidden layer</source>
        <translation>은닉층</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="51"/>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="52"/>
        <source>update</source>
        <translation>갱신</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="101"/>
        <source>formula</source>
        <translation>식</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="102"/>
        <source>with the numbers</source>
        <translation>숫자를 넣으면</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="103"/>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="106"/>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="107"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="108"/>
        <source>The step before (←)</source>
        <translation>이전 단계 (←)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="109"/>
        <source>The next step (→)</source>
        <translation>다음 단계 (→)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="130"/>
        <source>→ and ← step through. Leave the walk at any step, change any number, and continue: the walk goes on with the new values.</source>
        <translation>→와 ←로 한 단계씩 이동합니다. 아무 단계에서나 멈추고 숫자를 바꾼 뒤 이어 가면, 바뀐 값으로 계속 진행합니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="198"/>
        <source>Continue the walk at step %1</source>
        <translation>%1단계부터 이어 가기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="199"/>
        <source>Start the walk</source>
        <translation>따라가기 시작</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="201"/>
        <source>Leave the walk</source>
        <translation>따라가기 끝내기</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="203"/>
        <source>The walk goes through one forward and backward pass and one update, one computation at a time.</source>
        <translation>순전파와 역전파 한 번, 갱신 한 번을 계산 하나씩 따라갑니다.</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="213"/>
        <source>step %1 of %2: %3</source>
        <translation>%2단계 중 %1단계: %3</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="221"/>
        <source>frozen: this parameter keeps its value</source>
        <translation>고정됨: 이 매개변수는 값이 바뀌지 않습니다</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="223"/>
        <source>(the walk is paused: the diagram is not highlighted)</source>
        <translation>(따라가기 멈춤: 다이어그램 강조 없음)</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="226"/>
        <source>sample %1 · η = %2</source>
        <translation>샘플 %1 · η = %2</translation>
    </message>
    <message>
        <location filename="../../gui/teaching/walk_panel.py" line="228"/>
        <source>μ = %1</source>
        <translation>μ = %1</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="88"/>
        <source>this network</source>
        <translation>이 신경망</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="94"/>
        <source>Sample %1 of %2</source>
        <translation>샘플 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="95"/>
        <source>the weights after step %1</source>
        <translation>%1단계 후의 가중치</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="96"/>
        <source>the starting weights</source>
        <translation>처음 가중치</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="97"/>
        <source>activations: %1</source>
        <translation>활성화 함수: %1</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="98"/>
        <source>loss: %1</source>
        <translation>손실: %1</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="107"/>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="107"/>
        <source>Targets</source>
        <translation>목표값</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="108"/>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="108"/>
        <source>Biases</source>
        <translation>편향</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="109"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="110"/>
        <source>Velocities (momentum)</source>
        <translation>속도 (모멘텀)</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="114"/>
        <source>fixed</source>
        <translation>고정</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="140"/>
        <location filename="../../gui/worksheet_pdf.py" line="163"/>
        <source>Quantity</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="140"/>
        <location filename="../../gui/worksheet_pdf.py" line="163"/>
        <source>Formula</source>
        <translation>공식</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="141"/>
        <source>Decimals</source>
        <translation>소수 자릿수</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="141"/>
        <source>Your answer</source>
        <translation>답</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="144"/>
        <source>To work out</source>
        <translation>구할 값</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="148"/>
        <source>Work out each quantity below by hand, with the numbers given, for one forward pass, one backward pass and one update on this sample. Write each answer to the decimals asked for.</source>
        <translation>주어진 숫자로 이 샘플에 대해 순전파 한 번, 역전파 한 번, 갱신 한 번을 손으로 계산하여 아래의 각 값을 구하세요. 답은 요구한 소수 자릿수까지 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="151"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="152"/>
        <location filename="../../gui/worksheet_pdf.py" line="205"/>
        <source>Worksheet</source>
        <translation>학습지</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="153"/>
        <source>Given</source>
        <translation>주어진 값</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="164"/>
        <source>Answer</source>
        <translation>정답</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="168"/>
        <location filename="../../gui/worksheet_pdf.py" line="209"/>
        <source>Answer key</source>
        <translation>정답지</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_pdf.py" line="169"/>
        <source>Answers</source>
        <translation>정답</translation>
    </message>
</context>
<context>
    <name>WorksheetCli</name>
    <message>
        <location filename="../../gui/worksheet_cli.py" line="27"/>
        <source>--answers must name another file than -o</source>
        <translation>--answers에는 -o와 다른 파일을 지정해야 합니다</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_cli.py" line="29"/>
        <source>--sample %1: the network has %2 samples</source>
        <translation>--sample %1: 이 신경망의 샘플은 %2개입니다</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_cli.py" line="35"/>
        <source>could not write %1: %2</source>
        <translation>%1을(를) 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_cli.py" line="38"/>
        <source>wrote %1: %2 blanks, sample %3</source>
        <translation>%1 작성: 빈칸 %2개, 샘플 %3</translation>
    </message>
</context>
<context>
    <name>WorksheetDialog</name>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="36"/>
        <source>Export worksheet</source>
        <translation>학습지 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="40"/>
        <source>How many quantities the learners work out</source>
        <translation>학습자가 계산할 값의 개수</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="43"/>
        <source>spread evenly</source>
        <translation>고르게 분포</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="44"/>
        <source>Which quantities: spread evenly over the exercises&apos; sequence, or drawn at random with this seed (the same seed draws the same ones)</source>
        <translation>어떤 값을 고를지: 연습 문제 순서에서 고르게 고르거나, 이 시드로 무작위로 뽑습니다 (같은 시드는 같은 값을 뽑습니다)</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="50"/>
        <source>Answer key in its own file (…-key.pdf)</source>
        <translation>정답은 별도 파일로 (…-key.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="52"/>
        <source>Otherwise the answer key follows the worksheet on pages of its own</source>
        <translation>선택하지 않으면 정답이 학습지 뒤의 별도 페이지에 들어갑니다</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="54"/>
        <source>Blanks:</source>
        <translation>빈칸:</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="55"/>
        <source>Choice:</source>
        <translation>선택:</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="56"/>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="61"/>
        <source>The worksheet shows the network as it is now, with the numbers of the sample the walk-through uses; the blanks are chosen among the exercises.</source>
        <translation>학습지는 지금 상태의 신경망과 따라가기가 쓰는 샘플의 숫자를 보여 줍니다. 빈칸은 연습 문제 중에서 고릅니다.</translation>
    </message>
</context>
<context>
    <name>WorksheetExport</name>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="83"/>
        <source>Export &amp;worksheet…</source>
        <translation>학습지 내보내기(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="84"/>
        <source>A printable PDF with the diagram, the given numbers, blanks to fill in and an answer key</source>
        <translation>도식, 주어진 숫자, 채울 빈칸과 정답이 담긴 인쇄용 PDF</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="103"/>
        <source>Export worksheet</source>
        <translation>학습지 내보내기</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="104"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="114"/>
        <source>Could not write the worksheet</source>
        <translation>학습지를 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="115"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/worksheet_dialog.py" line="118"/>
        <source>Worksheet written: %1</source>
        <translation>학습지 작성됨: %1</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="16"/>
        <source>usage: </source>
        <translation>사용법: </translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="17"/>
        <source>positional arguments</source>
        <translation>위치 인수</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="18"/>
        <source>options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="19"/>
        <source>show this help message and exit</source>
        <translation>이 도움말을 보이고 끝내기</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="20"/>
        <source>the following arguments are required: %s</source>
        <translation>다음 인수가 필요합니다: %s</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="21"/>
        <source>unrecognized arguments: %s</source>
        <translation>알 수 없는 인수: %s</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="22"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>인수 %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="23"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>잘못된 선택: %(value)r (%(choices)s 중에서 고르세요)</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="24"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>잘못된 %(type)s 값: %(value)r</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="25"/>
        <source>expected one argument</source>
        <translation>값 하나가 필요합니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="26"/>
        <source>expected at most one argument</source>
        <translation>값은 최대 하나입니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="27"/>
        <source>expected at least one argument</source>
        <translation>값이 하나 이상 필요합니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="28"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="29"/>
        <source>not allowed with argument %s</source>
        <translation>인수 %s와(과) 함께 쓸 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../core/cli/argparse_words.py" line="30"/>
        <source>one of the arguments %s is required</source>
        <translation>인수 %s 중 하나가 필요합니다</translation>
    </message>
</context>
</TS>
